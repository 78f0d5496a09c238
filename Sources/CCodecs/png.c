/* PNG decoding and encoding with libpng. All setjmp/longjmp handling lives in this file. */
#include "ccodecs.h"
#include "internal.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <zlib.h>

typedef struct {
    const uint8_t *data;
    size_t size;
    size_t offset;
    char *message;
    png_structp png;
    png_infop info;
    uint8_t *image;      /* decoded rows, channels as libpng delivers them */
    png_bytep *rows;
    uint8_t *pixels;     /* luma output */
} hl_png_state;

static void hl_png_error(png_structp png, png_const_charp text) {
    hl_png_state *s = (hl_png_state *)png_get_error_ptr(png);
    snprintf(s->message, HL_MESSAGE_SIZE, "%s", text);
    png_longjmp(png, 1);
}

/* libpng warnings (an ancillary chunk with a bad CRC, a known-bad ICC profile) do not make the
 * pixels wrong: they are ignored. Errors in critical chunks (IHDR, IDAT) are errors. */
static void hl_png_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

static void hl_png_read(png_structp png, png_bytep into, size_t length) {
    hl_png_state *s = (hl_png_state *)png_get_io_ptr(png);
    if (length > s->size - s->offset) {
        png_error(png, "premature end of data (file truncated)");
    }
    memcpy(into, s->data + s->offset, length);
    s->offset += length;
}

static void hl_png_release(hl_png_state *s) {
    if (s->png) png_destroy_read_struct(&s->png, s->info ? &s->info : NULL, NULL);
    free(s->rows);
    free(s->image);
    free(s->pixels);
    s->png = NULL;
    s->info = NULL;
    s->rows = NULL;
    s->image = NULL;
    s->pixels = NULL;
}

static uint32_t hl_be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Walks the chunk list once before decoding: every chunk must fit in the file and carry a
 * correct CRC-32, up to IEND. This names the damage precisely ("chunk IDAT at byte 33: CRC
 * mismatch") where libpng would report whatever the corrupted bytes happen to break first. */
static int hl_png_check_chunks(const uint8_t *data, size_t size, char *message) {
    size_t offset = 8;
    for (;;) {
        if (size - offset < 12) {
            snprintf(message, HL_MESSAGE_SIZE, "truncated: the file ends at byte %zu, inside the chunk list (no IEND)", size);
            return HL_ERR_CORRUPT;
        }
        uint32_t length = hl_be32(data + offset);
        const uint8_t *type = data + offset + 4;
        char name[5] = {0};
        for (int i = 0; i < 4; i++) name[i] = (type[i] >= 32 && type[i] < 127) ? (char)type[i] : '?';
        if (length > 0x7fffffffu || size - offset - 12 < length) {
            snprintf(message, HL_MESSAGE_SIZE,
                     "truncated: chunk %s at byte %zu needs %u bytes, the file ends at byte %zu", name,
                     offset, length, size);
            return HL_ERR_CORRUPT;
        }
        uint32_t stored = hl_be32(data + offset + 8 + length);
        uint32_t computed = (uint32_t)crc32(crc32(0L, Z_NULL, 0), type, (uInt)(length + 4));
        if (stored != computed) {
            snprintf(message, HL_MESSAGE_SIZE, "chunk %s at byte %zu: CRC mismatch (stored %08x, computed %08x)",
                     name, offset, stored, computed);
            return HL_ERR_CORRUPT;
        }
        offset += 12 + (size_t)length;
        if (memcmp(type, "IEND", 4) == 0) return HL_OK;
    }
}

int hl_png_decode_gray(const uint8_t *data, size_t size, uint64_t max_pixels, hl_gray_image *out) {
    return hl_png_decode(data, size, max_pixels, 0, out);
}

int hl_png_decode(const uint8_t *data, size_t size, uint64_t max_pixels, int rgb, hl_gray_image *out) {
    memset(out, 0, sizeof(*out));
    out->channels = rgb ? 3 : 1;
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (size < 8 || memcmp(data, signature, 8) != 0) {
        snprintf(out->message, HL_MESSAGE_SIZE, "not a PNG signature");
        return HL_ERR_CORRUPT;
    }
    /* Check the size the IHDR chunk claims before libpng allocates anything. */
    if (size < 8 + 8 + 13 || memcmp(data + 12, "IHDR", 4) != 0) {
        snprintf(out->message, HL_MESSAGE_SIZE, "missing or truncated IHDR chunk");
        return HL_ERR_CORRUPT;
    }
    uint32_t claimed_w = hl_be32(data + 16), claimed_h = hl_be32(data + 20);
    out->source_width = (int32_t)(claimed_w > 0x7fffffffu ? 0x7fffffff : claimed_w);
    out->source_height = (int32_t)(claimed_h > 0x7fffffffu ? 0x7fffffff : claimed_h);
    uint64_t claimed = (uint64_t)claimed_w * (uint64_t)claimed_h;
    if (claimed > max_pixels) {
        snprintf(out->message, HL_MESSAGE_SIZE,
                 "header claims %ux%u = %llu pixels, above the limit of %llu pixels", claimed_w,
                 claimed_h, (unsigned long long)claimed, (unsigned long long)max_pixels);
        return HL_ERR_TOO_LARGE;
    }
    int chunks = hl_png_check_chunks(data, size, out->message);
    if (chunks != HL_OK) return chunks;

    hl_png_state *s = calloc(1, sizeof(hl_png_state));
    if (!s) {
        snprintf(out->message, HL_MESSAGE_SIZE, "out of memory");
        return HL_ERR_MEMORY;
    }
    s->data = data;
    s->size = size;
    s->message = out->message;
    s->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, s, hl_png_error, hl_png_warning);
    if (!s->png) {
        snprintf(out->message, HL_MESSAGE_SIZE, "libpng could not start");
        free(s);
        return HL_ERR_MEMORY;
    }
    s->info = png_create_info_struct(s->png);
    if (!s->info) {
        snprintf(out->message, HL_MESSAGE_SIZE, "libpng could not start");
        hl_png_release(s);
        free(s);
        return HL_ERR_MEMORY;
    }
    if (setjmp(png_jmpbuf(s->png))) {
        hl_png_release(s);
        free(s);
        return HL_ERR_CORRUPT;
    }
    /* Our own limit is the one that counts; libpng's default (1,000,000 per side) would refuse a
     * legitimate 2,000,000 x 1 strip. */
    png_set_user_limits(s->png, 0x7fffffff, 0x7fffffff);
    png_set_read_fn(s->png, s, hl_png_read);
    png_read_info(s->png, s->info);

    png_uint_32 w = png_get_image_width(s->png, s->info);
    png_uint_32 h = png_get_image_height(s->png, s->info);
    int color_type = png_get_color_type(s->png, s->info);
    int bit_depth = png_get_bit_depth(s->png, s->info);
    out->source_width = (int32_t)w;
    out->source_height = (int32_t)h;
    out->bit_depth = bit_depth;
    out->scale_denom = 1;
    out->components = (color_type & PNG_COLOR_MASK_COLOR) ? 3 : 1;
    if (color_type & PNG_COLOR_MASK_ALPHA) out->flags |= HL_FLAG_ALPHA;
    if (color_type == PNG_COLOR_TYPE_PALETTE) out->flags |= HL_FLAG_PALETTE;
    if (png_get_interlace_type(s->png, s->info) != PNG_INTERLACE_NONE)
        out->flags |= HL_FLAG_PROGRESSIVE;

    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(s->png);
    if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(s->png);
    if (bit_depth == 16) png_set_scale_16(s->png);
    png_set_interlace_handling(s->png);
    png_read_update_info(s->png, s->info);

    int channels = png_get_channels(s->png, s->info);
    size_t rowbytes = png_get_rowbytes(s->png, s->info);
    if (png_get_bit_depth(s->png, s->info) != 8 || channels < 1 || channels > 4 ||
        rowbytes != (size_t)w * (size_t)channels) {
        snprintf(out->message, HL_MESSAGE_SIZE, "unexpected PNG layout after expansion");
        hl_png_release(s);
        free(s);
        return HL_ERR_UNSUPPORTED;
    }
    s->image = malloc(rowbytes * h > 0 ? rowbytes * h : 1);
    s->rows = malloc(sizeof(png_bytep) * (h > 0 ? h : 1));
    s->pixels = malloc((size_t)w * h * out->channels > 0 ? (size_t)w * h * out->channels : 1);
    if (!s->image || !s->rows || !s->pixels) {
        snprintf(out->message, HL_MESSAGE_SIZE, "out of memory for %ux%u pixels", w, h);
        hl_png_release(s);
        free(s);
        return HL_ERR_MEMORY;
    }
    for (png_uint_32 y = 0; y < h; y++) s->rows[y] = s->image + (size_t)y * rowbytes;
    png_read_image(s->png, s->rows);
    png_read_end(s->png, NULL);

    size_t n = (size_t)w * h;
    const uint8_t *src = s->image;
    uint8_t *dst = s->pixels;
    if (rgb) {
        /* Gray is repeated in the three channels; alpha is dropped, never composited. */
        for (size_t i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) dst[3 * i + k] = src[channels * i + (channels >= 3 ? k : 0)];
        }
    } else switch (channels) {
    case 1: memcpy(dst, src, n); break;
    case 2: for (size_t i = 0; i < n; i++) dst[i] = src[2 * i]; break;  /* alpha dropped */
    case 3: for (size_t i = 0; i < n; i++) dst[i] = hl_luma(src[3 * i], src[3 * i + 1], src[3 * i + 2]); break;
    case 4: for (size_t i = 0; i < n; i++) dst[i] = hl_luma(src[4 * i], src[4 * i + 1], src[4 * i + 2]); break;
    }
    out->width = (int32_t)w;
    out->height = (int32_t)h;
    out->pixels = s->pixels;
    s->pixels = NULL;
    hl_png_release(s);
    free(s);
    return HL_OK;
}

int hl_png_encode(const uint8_t *pixels, int32_t width, int32_t height, int32_t channels,
                  hl_buffer *out) {
    memset(out, 0, sizeof(*out));
    if (width <= 0 || height <= 0 || channels < 1 || channels > 4) {
        snprintf(out->message, HL_MESSAGE_SIZE, "invalid image %dx%d with %d channels", width,
                 height, channels);
        return HL_ERR_UNSUPPORTED;
    }
    static const png_uint_32 formats[5] = {0, PNG_FORMAT_GRAY, PNG_FORMAT_GA, PNG_FORMAT_RGB,
                                           PNG_FORMAT_RGBA};
    png_image image;
    memset(&image, 0, sizeof(image));
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = formats[channels];
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&image, NULL, &size, 0, pixels, 0, NULL)) {
        snprintf(out->message, HL_MESSAGE_SIZE, "%s", image.message);
        png_image_free(&image);
        return HL_ERR_CORRUPT;
    }
    out->data = malloc(size > 0 ? size : 1);
    if (!out->data) {
        snprintf(out->message, HL_MESSAGE_SIZE, "out of memory");
        return HL_ERR_MEMORY;
    }
    if (!png_image_write_to_memory(&image, out->data, &size, 0, pixels, 0, NULL)) {
        snprintf(out->message, HL_MESSAGE_SIZE, "%s", image.message);
        png_image_free(&image);
        free(out->data);
        out->data = NULL;
        return HL_ERR_CORRUPT;
    }
    out->size = size;
    return HL_OK;
}
