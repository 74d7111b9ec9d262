/*
 * Where the running binary is: its own build tree, or installed.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "quire/buildtree.h"
#include "quire/util.h"

int
buildtree_running(void)
{
	char exe[PATH_MAX], root[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	size_t len;

	if (n <= 0 || realpath(QUIRE_BUILD_ROOT, root) == NULL)
		return 0;
	exe[n] = '\0';
	len = strlen(root);
	return strncmp(exe, root, len) == 0 && exe[len] == '/';
}

char *
buildtree_path(const char *env, const char *built, const char *installed,
    const char *name)
{
	const char *dir = getenv(env);
	struct buf b = { 0 };

	if (dir == NULL || dir[0] == '\0')
		dir = buildtree_running() ? built : installed;
	buf_printf(&b, "%s/%s", dir, name);
	return b.data;
}
