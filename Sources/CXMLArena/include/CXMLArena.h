#ifndef CERTIFY_XML_ARENA_H
#define CERTIFY_XML_ARENA_H
/* A region allocator for libxml2's per-document allocations.
 *
 * libxml2 allocates a few hundred small blocks per document (nodes,
 * attributes, texts, the dictionary, the parser's and validator's buffers)
 * and frees them one by one with the tree. Between `certify_arena_begin` and
 * `certify_arena_end` on a thread, libxml2's allocations on that thread are
 * carved out of the thread's slot of one reserved region instead; freeing a
 * block of the region does nothing, and the slot is reused from its start
 * once no document made in it is alive (`certify_arena_adopt` /
 * `certify_arena_release` count them). Outside those windows, on threads
 * without a slot, for blocks that do not fit, and when the region cannot be
 * reserved, every call is glibc's malloc, realloc and free, unchanged.
 */
#include <stddef.h>

/* Installs the allocator as libxml2's (xmlMemSetup); idempotent. Returns 0
 * when the region is in use, -1 when libxml2 keeps the system allocator. */
int certify_arena_install(void);

/* Opens a window on this thread (windows nest). Returns the slot the
 * window allocates in, or -1 when this thread has none. */
int certify_arena_begin(void);

/* Opens a window on this thread in `slot`, the slot a document was made
 * in, and returns 1, if this thread owns that slot; otherwise opens none,
 * marks the slot as spilled (what libxml2 now adds to the document comes
 * from malloc, so it must be freed block by block) and returns 0. For work
 * that may add to a parsed document, as validation can (`xsi:type` adds
 * the `xml` namespace declaration to it). */
int certify_arena_begin_in(int slot);

/* Closes the window `certify_arena_begin` opened. */
void certify_arena_end(void);

/* A document made in `slot` is alive: the slot is not reused before it is
 * released. A slot of -1 is ignored. */
void certify_arena_adopt(int slot);

/* Whether every block libxml2 took in `slot` since it was last reused came
 * from the slot: a document made there, never modified, then needs no
 * freeing block by block (its blocks go when the slot is reused). Ask before
 * `certify_arena_release`. */
int certify_arena_whole(int slot);

/* 1 in a build with AddressSanitizer, where every tree is freed block by
 * block (`certify_arena_whole` is then always 0), for tests. */
int certify_arena_sanitized(void);

/* The document made in `slot` has been freed (from any thread). */
void certify_arena_release(int slot);

/* Whether `pointer` lies in the region, for tests. */
int certify_arena_contains(const void *pointer);
#endif
