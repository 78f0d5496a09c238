/* zlib: gzip/zlib inflation for importers, deflate and CRC-32 for writing APNG chunks. */
#include "ccodecs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>
#include <zlib.h>

int hl_inflate(const uint8_t *data, size_t size, size_t max_output, hl_buffer *out) {
    memset(out, 0, sizeof(*out));
    z_stream zs;
    memset(&zs, 0, sizeof(zs));
    if (inflateInit2(&zs, 15 + 32) != Z_OK) { /* +32: detect gzip or zlib headers */
        snprintf(out->message, HL_MESSAGE_SIZE, "zlib could not start");
        return HL_ERR_MEMORY;
    }
    size_t capacity = size * 4 + 1024;
    if (capacity > max_output + 1) capacity = max_output + 1;
    uint8_t *buffer = malloc(capacity);
    if (!buffer) {
        inflateEnd(&zs);
        snprintf(out->message, HL_MESSAGE_SIZE, "out of memory");
        return HL_ERR_MEMORY;
    }
    size_t produced = 0;
    const uint8_t *next = data;
    size_t left = size;
    int status = Z_OK;
    for (;;) {
        if (produced == capacity) {
            if (capacity > max_output) {
                free(buffer);
                inflateEnd(&zs);
                snprintf(out->message, HL_MESSAGE_SIZE,
                         "inflates to more than the limit of %zu bytes", max_output);
                return HL_ERR_TOO_LARGE;
            }
            size_t grown = capacity * 2;
            if (grown > max_output + 1) grown = max_output + 1;
            uint8_t *bigger = realloc(buffer, grown);
            if (!bigger) {
                free(buffer);
                inflateEnd(&zs);
                snprintf(out->message, HL_MESSAGE_SIZE, "out of memory");
                return HL_ERR_MEMORY;
            }
            buffer = bigger;
            capacity = grown;
        }
        uInt chunk_in = left > 0x40000000u ? 0x40000000u : (uInt)left;
        size_t room = capacity - produced;
        uInt chunk_out = room > 0x40000000u ? 0x40000000u : (uInt)room;
        zs.next_in = (Bytef *)next;
        zs.avail_in = chunk_in;
        zs.next_out = buffer + produced;
        zs.avail_out = chunk_out;
        status = inflate(&zs, Z_NO_FLUSH);
        next += chunk_in - zs.avail_in;
        left -= chunk_in - zs.avail_in;
        produced += chunk_out - zs.avail_out;
        if (status == Z_STREAM_END) {
            /* Concatenated gzip members (as `cat a.gz b.gz` makes) continue the stream. */
            if (left > 0) {
                if (inflateReset(&zs) != Z_OK) break;
                continue;
            }
            break;
        }
        if (status == Z_BUF_ERROR && zs.avail_out != 0 && left == 0) {
            free(buffer);
            inflateEnd(&zs);
            snprintf(out->message, HL_MESSAGE_SIZE, "compressed data ends too early (truncated)");
            return HL_ERR_CORRUPT;
        }
        if (status != Z_OK && status != Z_BUF_ERROR) {
            free(buffer);
            snprintf(out->message, HL_MESSAGE_SIZE, "corrupt compressed data: %s",
                     zs.msg ? zs.msg : "unknown zlib error");
            inflateEnd(&zs);
            return HL_ERR_CORRUPT;
        }
    }
    inflateEnd(&zs);
    if (produced > max_output) {
        free(buffer);
        snprintf(out->message, HL_MESSAGE_SIZE, "inflates to more than the limit of %zu bytes",
                 max_output);
        return HL_ERR_TOO_LARGE;
    }
    out->data = buffer;
    out->size = produced;
    return HL_OK;
}

int hl_deflate(const uint8_t *data, size_t size, int level, hl_buffer *out) {
    memset(out, 0, sizeof(*out));
    uLongf bound = compressBound((uLong)size);
    out->data = malloc(bound > 0 ? bound : 1);
    if (!out->data) {
        snprintf(out->message, HL_MESSAGE_SIZE, "out of memory");
        return HL_ERR_MEMORY;
    }
    if (compress2(out->data, &bound, data, (uLong)size, level) != Z_OK) {
        free(out->data);
        out->data = NULL;
        snprintf(out->message, HL_MESSAGE_SIZE, "deflate failed");
        return HL_ERR_CORRUPT;
    }
    out->size = bound;
    return HL_OK;
}

uint32_t hl_crc32(uint32_t crc, const uint8_t *data, size_t size) {
    return (uint32_t)crc32(crc, data, (uInt)size);
}

const char *hl_library_versions(void) {
    static char text[192];
    snprintf(text, sizeof(text), "libpng %s, libjpeg-turbo (API %d), zlib %s, xxHash %s",
             png_get_libpng_ver(NULL), JPEG_LIB_VERSION, zlibVersion(), hl_xxhash_version());
    return text;
}

void hl_free(void *pointer) { free(pointer); }
