#include "CXMLArena.h"

#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Under AddressSanitizer a freed block, and a slot's used part when it
 * starts over, are poisoned, so that reading a tree after its document is
 * gone is reported as it would be with malloc. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#define POISON(start, size) ASAN_POISON_MEMORY_REGION(start, size)
#define UNPOISON(start, size) ASAN_UNPOISON_MEMORY_REGION(start, size)
/* A block whose header is poisoned went with its slot's reuse (libxml2
 * frees some late, e.g. the thread's last-error strings). */
#define GONE(block) __asan_address_is_poisoned((const char *)(block) - HEADER)
#define ARENA_ASAN 1
#endif
#endif
#ifndef POISON
#define POISON(start, size) ((void)(start), (void)(size))
#define UNPOISON(start, size) ((void)(start), (void)(size))
#define GONE(block) 1
#endif

/* 128 slots of 16 MiB: address space only (MAP_NORESERVE); a slot's pages
 * become memory when a document first needs them and are reused after. */
enum { SLOTS = 128, ALIGN = 16, HEADER = 16 };
static const size_t SLOT_BYTES = (size_t)16 << 20;
static const size_t KEEP_BYTES = (size_t)1 << 20;

/* One cache line each: `live` is changed by whichever thread frees a
 * document, `cursor` by the owner alone. */
struct slot {
    _Alignas(64) char *base;
    char *cursor;
    char *end;
    atomic_long live;  /* documents made here and not yet freed */
    atomic_int owned;  /* a thread allocates here */
    atomic_int spilled; /* since its last reset, a block did not fit */
};

static char *region;
static char *region_end;
static struct slot slots[SLOTS];
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static pthread_key_t owner_key;
static int installed = -1;

static _Thread_local struct slot *mine;
static _Thread_local int depth;
/* This thread found every slot taken: it uses malloc from then on. */
static _Thread_local int unclaimed;

static inline int in_region(const void *pointer) {
    return (const char *)pointer >= region && (const char *)pointer < region_end;
}

/* The block's size, kept in the header in front of it (for realloc). */
static inline size_t block_size(const void *pointer) {
    size_t size;
    memcpy(&size, (const char *)pointer - HEADER, sizeof size);
    return size;
}

static void *carve(size_t size) {
    struct slot *slot = mine;
    if (size > SLOT_BYTES) return NULL;  /* also keeps the rounding below from overflowing */
    size_t rounded = (size + (ALIGN - 1)) & ~(size_t)(ALIGN - 1);
    if ((size_t)(slot->end - slot->cursor) < rounded + HEADER) return NULL;
    char *block = slot->cursor + HEADER;
    UNPOISON(slot->cursor, HEADER + rounded);
    memcpy(block - HEADER, &size, sizeof size);
    slot->cursor = block + rounded;
    return block;
}

static void *arena_malloc(size_t size) {
    if (depth > 0 && mine != NULL) {
        void *block = carve(size);
        if (block != NULL) return block;
        atomic_store_explicit(&mine->spilled, 1, memory_order_relaxed);
    }
    return malloc(size);
}

static void arena_free(void *pointer) {
    if (pointer == NULL) return;
    if (in_region(pointer)) {
        if (!GONE(pointer)) POISON(pointer, block_size(pointer));
        return;
    }
    free(pointer);
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return arena_malloc(size);
    if (!in_region(pointer)) return realloc(pointer, size);
    size_t old = block_size(pointer);
    if (size <= old) return pointer;
    /* The last block of this thread's slot grows in place. */
    struct slot *slot = mine;
    if (slot != NULL && (char *)pointer >= slot->base && (char *)pointer < slot->end) {
        size_t rounded_old = (old + (ALIGN - 1)) & ~(size_t)(ALIGN - 1);
        size_t rounded = (size + (ALIGN - 1)) & ~(size_t)(ALIGN - 1);
        if ((char *)pointer + rounded_old == slot->cursor && rounded >= size
            && (size_t)(slot->end - (char *)pointer) >= rounded) {
            UNPOISON(pointer, rounded);
            memcpy((char *)pointer - HEADER, &size, sizeof size);
            slot->cursor = (char *)pointer + rounded;
            return pointer;
        }
    }
    void *moved = arena_malloc(size);
    if (moved != NULL) memcpy(moved, pointer, old);
    return moved;
}

static char *arena_strdup(const char *text) {
    size_t length = strlen(text) + 1;
    char *copy = arena_malloc(length);
    if (copy != NULL) memcpy(copy, text, length);
    return copy;
}

/* A thread that ends gives its slot back; the next owner reuses it once
 * the documents still alive in it are freed. */
static void give_back(void *slot) {
    mine = NULL;  /* a later destructor on this thread must not carve from it */
    atomic_store_explicit(&((struct slot *)slot)->owned, 0, memory_order_release);
}

/* A free slot, preferring one with no document alive in it: that one is
 * reset at the thread's first window, so its documents (none spilled yet)
 * go with the slot instead of block by block. A slot a finished thread left
 * documents in (a cached rubric, say) is taken only when no other is free. */
static struct slot *claim(void) {
    for (int pass = 0; pass < 2; pass++) {
        for (int index = 0; index < SLOTS; index++) {
            if (pass == 0 && atomic_load_explicit(&slots[index].live, memory_order_acquire) != 0) continue;
            int free_slot = 0;
            if (atomic_compare_exchange_strong(&slots[index].owned, &free_slot, 1)) {
                if (pthread_setspecific(owner_key, &slots[index]) != 0) {
                    give_back(&slots[index]);
                    return NULL;
                }
                return &slots[index];
            }
        }
    }
    return NULL;
}

static void install(void) {
    if (pthread_key_create(&owner_key, give_back) != 0) return;
    size_t bytes = SLOT_BYTES * SLOTS;
    void *reserved = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (reserved == MAP_FAILED) return;
    if (xmlMemSetup(arena_free, arena_malloc, arena_realloc, arena_strdup) != 0) {
        munmap(reserved, bytes);
        return;
    }
    region = reserved;
    region_end = region + bytes;
    for (int index = 0; index < SLOTS; index++) {
        slots[index].base = slots[index].cursor = region + SLOT_BYTES * (size_t)index;
        slots[index].end = slots[index].base + SLOT_BYTES;
        atomic_init(&slots[index].live, 0);
        atomic_init(&slots[index].owned, 0);
        atomic_init(&slots[index].spilled, 0);
    }
    installed = 0;
}

int certify_arena_install(void) {
    pthread_once(&install_once, install);
    return installed;
}

int certify_arena_begin(void) {
    if (installed != 0) return -1;
    if (mine == NULL) {
        if (unclaimed || (mine = claim()) == NULL) {
            unclaimed = 1;
            return -1;
        }
    }
    if (depth == 0 && atomic_load_explicit(&mine->live, memory_order_acquire) == 0) {
        size_t used = (size_t)(mine->cursor - mine->base);
        POISON(mine->base, used);
        /* Keep the first MiB resident for the next document; give back
         * what a large one took. */
        if (used > KEEP_BYTES) madvise(mine->base + KEEP_BYTES, used - KEEP_BYTES, MADV_DONTNEED);
        mine->cursor = mine->base;
        atomic_store_explicit(&mine->spilled, 0, memory_order_relaxed);
    }
    depth++;
    return (int)(mine - slots);
}

int certify_arena_begin_in(int slot) {
    if (slot < 0 || slot >= SLOTS) return 0;
    if (installed == 0 && mine == &slots[slot]) {
        certify_arena_begin();
        return 1;
    }
    /* Another thread's slot: what is taken now comes from malloc, so the
     * document must be freed block by block. */
    atomic_store_explicit(&slots[slot].spilled, 1, memory_order_relaxed);
    return 0;
}

void certify_arena_end(void) {
    if (depth == 0) return;
    /* The thread's last-error record (xmlGetLastError) keeps copies of the
     * last message's strings, made in the window: drop them now, before
     * the slot can be reused under them. */
    if (--depth == 0) xmlResetLastError();
}

void certify_arena_adopt(int slot) {
    if (slot >= 0 && slot < SLOTS) atomic_fetch_add_explicit(&slots[slot].live, 1, memory_order_relaxed);
}

int certify_arena_sanitized(void) {
#ifdef ARENA_ASAN
    return 1;
#else
    return 0;
#endif
}

int certify_arena_whole(int slot) {
#ifdef ARENA_ASAN
    /* Under AddressSanitizer every tree is freed block by block, so that a
     * read of a freed one is reported at once. */
    (void)slot;
    return 0;
#endif
    return slot >= 0 && slot < SLOTS && atomic_load_explicit(&slots[slot].spilled, memory_order_relaxed) == 0;
}

void certify_arena_release(int slot) {
    if (slot >= 0 && slot < SLOTS) atomic_fetch_sub_explicit(&slots[slot].live, 1, memory_order_release);
}

int certify_arena_contains(const void *pointer) {
    return region != NULL && in_region(pointer);
}
