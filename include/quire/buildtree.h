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

#endif
