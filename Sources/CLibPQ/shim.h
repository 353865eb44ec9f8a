#ifndef CLAIMCHECK_LIBPQ_SHIM_H
#define CLAIMCHECK_LIBPQ_SHIM_H
#include <libpq-fe.h>

// libpq prints server notices to stderr by default; claimcheck reports its own errors.
static void cc_pq_ignore_notice(void *arg, const char *message) { (void)arg; (void)message; }
static inline void cc_pq_silence_notices(PGconn *conn) { PQsetNoticeProcessor(conn, cc_pq_ignore_notice, 0); }
#endif
