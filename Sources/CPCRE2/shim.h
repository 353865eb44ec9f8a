#ifndef CLAIMCHECK_PCRE2_SHIM_H
#define CLAIMCHECK_PCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// Function-like and cast macros do not import into Swift; expose them as inlines.
static inline PCRE2_SIZE cc_pcre2_unset(void) { return PCRE2_UNSET; }
static inline PCRE2_SIZE cc_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
#endif
