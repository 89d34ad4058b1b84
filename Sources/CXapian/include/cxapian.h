#ifndef CAIRN_CXAPIAN_H
#define CAIRN_CXAPIAN_H
/* The C face of Cairn's Xapian shim: opaque handles and status codes. No C++ exception ever
   crosses this header. (Filled in by the MailIndex work.) */
#ifdef __cplusplus
extern "C" {
#endif

/** The Xapian library version, e.g. "1.4.22". */
const char *cx_version(void);

#ifdef __cplusplus
}
#endif
#endif
