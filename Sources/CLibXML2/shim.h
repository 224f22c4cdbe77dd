#ifndef CERTIFY_CLIBXML2_SHIM_H
#define CERTIFY_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/c14n.h>
#include <libxml/encoding.h>
#include <libxml/xmlIO.h>
#include <libxml/SAX2.h>
#endif
