/*
 * The draw layer's style tables: every theme styles every span kind and
 * interface role (a forgotten row would draw black on black).  Reads
 * the tables only; no screen is started.
 */
#include "harness.h"
#include "quire/draw.h"

int
main(void)
{
	static const char *names[] = { "dark", "light", "mono" };
	int theme;

	for (theme = 0; theme < 3; theme++)
		INT_EQ(draw_unstyled(theme), -1,
		    "the %s theme styles every kind and role", names[theme]);
	return t_done();
}
