/*
 * Whether the running binary is the one in its build tree: then it reads
 * the source tree's bundled article and the build tree's highlighting
 * module rather than the installed ones.
 */
#ifndef QUIRE_BUILDTREE_H
#define QUIRE_BUILDTREE_H

/* Nonzero when /proc/self/exe lies under the build root quire was
 * configured with. */
int buildtree_running(void);

/*
 * The path of file NAME: in the directory the environment variable ENV
 * names when it is set and not empty, else in BUILT when the binary runs
 * from its build tree, else in INSTALLED.  The caller frees it.
 */
char *buildtree_path(const char *env, const char *built,
    const char *installed, const char *name);

#endif
