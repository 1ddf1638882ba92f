/*
 * tap.h - TAP lines for the in-guest suites (conform, usertests): one
 * `ok N - ...` or `not ok N - ...` line per result, counted.
 */
#ifndef APPS_TAP_H
#define APPS_TAP_H

extern int tap_passed, tap_failed;

/* Print one numbered result line (the text as printf formats it). */
void tap(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
