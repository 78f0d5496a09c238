/* XXH3-128 from Debian's libxxhash-dev, compiled inline (XXH_INLINE_ALL): a well-kept fast hash
 * for content-addressed caching and dataset fingerprints, with no run-time library to ship. */
#define XXH_INLINE_ALL
#include <xxhash.h>
#include <stdio.h>

#include "ccodecs.h"

void hl_xxh3_128(const void *data, size_t size, uint8_t out[16]) {
    XXH128_hash_t h = XXH3_128bits(data, size);
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, h);
    for (int k = 0; k < 16; k++) out[k] = canonical.digest[k];
}

const char *hl_xxhash_version(void) {
    static char text[16];
    unsigned v = XXH_versionNumber();
    snprintf(text, sizeof text, "%u.%u.%u", v / 10000, (v / 100) % 100, v % 100);
    return text;
}

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void hl_keep_freed_buffers(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}
