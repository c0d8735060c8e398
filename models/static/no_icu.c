/* SPDX-License-Identifier: MIT */
/*
 * Linked only into static builds (ASA_STATIC): Debian's libxml2.a calls
 * seven ICU converter functions, and ICU's archives would add 31 MB of
 * Unicode tables to every program. Every data file asaemu reads is UTF-8,
 * which libxml2 decodes itself, so no converter is ever opened: these
 * stand-ins report "no such converter" and libxml2 falls back to its own
 * decoders (and iconv). The names carry ICU's version suffix, as
 * unicode/urename.h renames them (ASA_ICU_SUFFIX, from pkg-config).
 */
#include <stddef.h>
#include <stdint.h>

#define ICU_NAME2(n, v)	n##v
#define ICU_NAME1(n, v)	ICU_NAME2(n, v)
#define ICU(n)		ICU_NAME1(n, ASA_ICU_SUFFIX)

#define U_FILE_ACCESS_ERROR 4	/* unicode/utypes.h: "not found" */

typedef int	UErrorCode;
typedef int8_t	UBool;
typedef uint16_t UChar;
struct UConverter;

void	 ICU(UCNV_FROM_U_CALLBACK_STOP)(void);
void	 ICU(UCNV_TO_U_CALLBACK_STOP)(void);
struct UConverter *ICU(ucnv_open)(const char *, UErrorCode *);
void	 ICU(ucnv_close)(struct UConverter *);
void	 ICU(ucnv_convertEx)(struct UConverter *, struct UConverter *, char **,
	    const char *, const char **, const char *, UChar *, UChar **,
	    UChar **, const UChar *, UBool, UBool, UErrorCode *);
void	 ICU(ucnv_setFromUCallBack)(struct UConverter *, void (*)(void),
	    const void *, void (**)(void), const void **, UErrorCode *);
void	 ICU(ucnv_setToUCallBack)(struct UConverter *, void (*)(void),
	    const void *, void (**)(void), const void **, UErrorCode *);

/* Callbacks: only their addresses are taken, by converters never opened. */
void
ICU(UCNV_FROM_U_CALLBACK_STOP)(void)
{
}

void
ICU(UCNV_TO_U_CALLBACK_STOP)(void)
{
}

struct UConverter *
ICU(ucnv_open)(const char *name, UErrorCode *err)
{
	(void)name;
	*err = U_FILE_ACCESS_ERROR;
	return NULL;
}

void
ICU(ucnv_close)(struct UConverter *c)
{
	(void)c;
}

void
ICU(ucnv_convertEx)(struct UConverter *to, struct UConverter *from,
    char **target, const char *target_limit, const char **source,
    const char *source_limit, UChar *pivot, UChar **pivot_source,
    UChar **pivot_target, const UChar *pivot_limit, UBool reset,
    UBool flush, UErrorCode *err)
{
	(void)to, (void)from, (void)target, (void)target_limit, (void)source;
	(void)source_limit, (void)pivot, (void)pivot_source;
	(void)pivot_target, (void)pivot_limit, (void)reset, (void)flush;
	*err = U_FILE_ACCESS_ERROR;
}

void
ICU(ucnv_setFromUCallBack)(struct UConverter *c, void (*fn)(void),
    const void *ctx, void (**old)(void), const void **old_ctx,
    UErrorCode *err)
{
	(void)c, (void)fn, (void)ctx, (void)old, (void)old_ctx;
	*err = U_FILE_ACCESS_ERROR;
}

void
ICU(ucnv_setToUCallBack)(struct UConverter *c, void (*fn)(void),
    const void *ctx, void (**old)(void), const void **old_ctx,
    UErrorCode *err)
{
	(void)c, (void)fn, (void)ctx, (void)old, (void)old_ctx;
	*err = U_FILE_ACCESS_ERROR;
}
