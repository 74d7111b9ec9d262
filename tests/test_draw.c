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
	static const struct {
		enum theme theme;
		const char *name;
	} themes[] = {
		{ THEME_DARK, "dark" }, { THEME_LIGHT, "light" },
		{ THEME_MONO, "mono" },
	};
	size_t i;

	for (i = 0; i < sizeof(themes) / sizeof(themes[0]); i++)
		INT_EQ(draw_unstyled(themes[i].theme), -1,
		    "the %s theme styles every kind and role", themes[i].name);
	return t_done();
}
