/*
 * assert.h - assert(e): when e is false, print where and abort().
 *
 * Not guarded on purpose: C lets a file include it again after changing
 * NDEBUG, and assert follows the latest NDEBUG.
 */
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H

#define static_assert _Static_assert

/* Print `assertion failed: EXPR (FILE:LINE, FUNC)` to stderr, then abort(). */
_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func);

#endif
