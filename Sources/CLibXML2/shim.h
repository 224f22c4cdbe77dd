#ifndef CERTIFY_CLIBXML2_SHIM_H
#define CERTIFY_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes the
 * system's <unicode/ucnv.h>. Swift's Foundation carries its own ICU headers
 * (the _FoundationICU module) whose `UErrorCode` differs, and a module that
 * sees both (CertifyXML imports CertifyModel, which reaches Foundation) may
 * fail to build with "… is not present in definition of 'enum UErrorCode'",
 * depending on the order modules are loaded. Certify uses no ICU-specific
 * part of libxml2 (only xmlCharEncodingHandler's trailing ICU fields depend
 * on it, and Certify never touches that struct), so the ICU headers are left
 * out of this module. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlsave.h>
#include <libxml/c14n.h>
#include <libxml/encoding.h>
#include <libxml/xmlIO.h>
#include <libxml/SAX2.h>
#include <libxml/catalog.h>
#endif
