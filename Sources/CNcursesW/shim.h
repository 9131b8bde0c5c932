/* The only C in the project. Swift cannot import curses macros or use C globals under
   Swift 6 strict concurrency, so this header wraps the few we need as static inline
   functions. systemLibrary targets take no cSettings, so the feature macros live here. */
#ifndef KETAMINE_EXPLORER_SHIM_H
#define KETAMINE_EXPLORER_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <sys/prctl.h>

/* prctl is variadic, which Swift cannot call. No core dumps and no ptrace by other
   processes of the same user: a kiosk's memory is nobody's to read. */
static inline int kx_forbid_dumps(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }

static inline WINDOW *kx_stdscr(void) { return stdscr; }
static inline FILE *kx_stdin(void) { return stdin; }
static inline FILE *kx_stdout(void) { return stdout; }
static inline TERMINAL *kx_cur_term(void) { return cur_term; }

static inline attr_t kx_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t kx_A_BOLD(void) { return A_BOLD; }
static inline attr_t kx_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t kx_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t kx_A_DIM(void) { return A_DIM; }

static inline mmask_t kx_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t kx_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t kx_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t kx_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }

static inline int kx_colors(void) { return COLORS; }
static inline int kx_color_pairs(void) { return COLOR_PAIRS; }
static inline chtype kx_COLOR_PAIR(int pair) { return COLOR_PAIR(pair); }

/* tigetstr returns (char *)-1 for "not a string capability" and NULL for "absent". */
static inline int kx_has_string_capability(const char *name) {
    char *value = tigetstr((char *)name);
    return value != NULL && value != (char *)-1;
}
static inline const char *kx_string_capability(const char *name) {
    char *value = tigetstr((char *)name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

/* tiparm is variadic, which Swift cannot call. Every capability the frame writer uses takes
   one or two numbers; a second number a capability does not use is ignored. tiparm keeps
   its result in a static buffer: the caller copies it out at once, under a lock. */
static inline const char *kx_tiparm2(const char *capability, int first, int second) {
    return tiparm(capability, first, second);
}
/* The name of string capability `index` (terminfo's order), or NULL past the last. */
static inline const char *kx_string_capability_name(int index) { return strnames[index]; }
static inline int kx_number_capability(const char *name) { return tigetnum((char *)name); }
static inline int kx_flag_capability(const char *name) { return tigetflag((char *)name); }

#endif
