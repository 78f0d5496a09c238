/* JPEG decoding with libjpeg-turbo. All setjmp/longjmp handling lives in this file. */
#include "ccodecs.h"
#include "internal.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char *message;       /* where the cause is written (the caller's hl_gray_image) */
} hl_jpeg_error;

static void hl_jpeg_error_exit(j_common_ptr cinfo) {
    hl_jpeg_error *err = (hl_jpeg_error *)cinfo->err;
    char text[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, text);
    snprintf(err->message, HL_MESSAGE_SIZE, "%s", text);
    longjmp(err->jump, 1);
}

/* Warnings (msg_level -1) are errors here: a truncated file is only a warning to libjpeg
 * ("Premature end of JPEG file") and would otherwise decode to a half-gray image. Trace
 * messages (msg_level >= 0) are ignored. */
static void hl_jpeg_emit_message(j_common_ptr cinfo, int msg_level) {
    if (msg_level < 0) {
        hl_jpeg_error *err = (hl_jpeg_error *)cinfo->err;
        char text[JMSG_LENGTH_MAX];
        (*cinfo->err->format_message)(cinfo, text);
        snprintf(err->message, HL_MESSAGE_SIZE, "%s", text);
        longjmp(err->jump, 1);
    }
}

static void hl_jpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

typedef struct {
    struct jpeg_decompress_struct cinfo;
    hl_jpeg_error err;
    uint8_t *pixels;
    uint8_t *row;
    int created;
} hl_jpeg_state;

static void hl_jpeg_release(hl_jpeg_state *s) {
    if (s->created) jpeg_destroy_decompress(&s->cinfo);
    free(s->row);
    free(s->pixels);
    s->row = NULL;
    s->pixels = NULL;
    s->created = 0;
}

int hl_jpeg_decode_gray(const uint8_t *data, size_t size, int32_t target_width,
                        int32_t target_height, uint64_t max_pixels, int accurate_idct,
                        hl_gray_image *out) {
    return hl_jpeg_decode(data, size, target_width, target_height, max_pixels, accurate_idct, 0,
                          out);
}

int hl_jpeg_decode(const uint8_t *data, size_t size, int32_t target_width, int32_t target_height,
                   uint64_t max_pixels, int accurate_idct, int rgb, hl_gray_image *out) {
    memset(out, 0, sizeof(*out));
    const size_t channels = rgb ? 3 : 1;
    out->channels = (int32_t)channels;
    if (size == 0) {
        snprintf(out->message, HL_MESSAGE_SIZE, "empty file");
        return HL_ERR_CORRUPT;
    }
    /* Heap state: everything the error path frees is read through a pointer, so nothing
     * depends on the value of a local variable after longjmp. */
    hl_jpeg_state *s = calloc(1, sizeof(hl_jpeg_state));
    if (!s) {
        snprintf(out->message, HL_MESSAGE_SIZE, "out of memory");
        return HL_ERR_MEMORY;
    }
    s->cinfo.err = jpeg_std_error(&s->err.pub);
    s->err.pub.error_exit = hl_jpeg_error_exit;
    s->err.pub.emit_message = hl_jpeg_emit_message;
    s->err.pub.output_message = hl_jpeg_output_message;
    s->err.message = out->message;
    if (setjmp(s->err.jump)) {
        hl_jpeg_release(s);
        free(s);
        return HL_ERR_CORRUPT;
    }
    jpeg_create_decompress(&s->cinfo);
    s->created = 1;
    jpeg_mem_src(&s->cinfo, (unsigned char *)data, (unsigned long)size);
    jpeg_read_header(&s->cinfo, TRUE);

    struct jpeg_decompress_struct *c = &s->cinfo;
    out->source_width = (int32_t)c->image_width;
    out->source_height = (int32_t)c->image_height;
    out->components = c->num_components;
    out->bit_depth = c->data_precision;
    if (c->progressive_mode) out->flags |= HL_FLAG_PROGRESSIVE;
    uint64_t claimed = (uint64_t)c->image_width * (uint64_t)c->image_height;
    if (claimed > max_pixels) {
        snprintf(out->message, HL_MESSAGE_SIZE,
                 "header claims %ux%u = %llu pixels, above the limit of %llu pixels",
                 c->image_width, c->image_height, (unsigned long long)claimed,
                 (unsigned long long)max_pixels);
        hl_jpeg_release(s);
        free(s);
        return HL_ERR_TOO_LARGE;
    }

    int cmyk = 0;
    switch (c->jpeg_color_space) {
    case JCS_GRAYSCALE:
    case JCS_YCbCr:
    case JCS_RGB:
        c->out_color_space = rgb ? JCS_RGB : JCS_GRAYSCALE;
        break;
    case JCS_CMYK:
    case JCS_YCCK:
        c->out_color_space = JCS_CMYK;
        cmyk = 1;
        out->flags |= HL_FLAG_CMYK;
        break;
    default:
        snprintf(out->message, HL_MESSAGE_SIZE, "unsupported JPEG colour space (%d components)",
                 c->num_components);
        hl_jpeg_release(s);
        free(s);
        return HL_ERR_UNSUPPORTED;
    }
    /* JDCT_IFAST is TensorFlow's default (decode_jpeg with dct_method=""), so the notebook's
     * Keras loader is reproduced bit for bit; JDCT_ISLOW is the accurate integer IDCT. Both are
     * integer arithmetic. */
    c->dct_method = accurate_idct ? JDCT_ISLOW : JDCT_IFAST;
    c->scale_num = 1;
    c->scale_denom = 1;
    if (target_width > 0 && target_height > 0) {
        static const unsigned denoms[3] = {8, 4, 2};
        for (int i = 0; i < 3; i++) {
            unsigned d = denoms[i];
            unsigned w = (c->image_width + d - 1) / d, h = (c->image_height + d - 1) / d;
            if (w >= (unsigned)target_width && h >= (unsigned)target_height) {
                c->scale_denom = d;
                break;
            }
        }
    }
    jpeg_start_decompress(c);
    out->scale_denom = (int32_t)c->scale_denom;
    out->width = (int32_t)c->output_width;
    out->height = (int32_t)c->output_height;
    size_t w = c->output_width, h = c->output_height;
    s->pixels = malloc(w * h * channels > 0 ? w * h * channels : 1);
    if (cmyk) s->row = malloc(w * 4);
    if (!s->pixels || (cmyk && !s->row)) {
        snprintf(out->message, HL_MESSAGE_SIZE, "out of memory for %zux%zu pixels", w, h);
        hl_jpeg_release(s);
        free(s);
        return HL_ERR_MEMORY;
    }
    while (c->output_scanline < c->output_height) {
        size_t y = c->output_scanline;
        if (!cmyk) {
            JSAMPROW row = s->pixels + y * w * channels;
            jpeg_read_scanlines(c, &row, 1);
        } else {
            JSAMPROW row = s->row;
            jpeg_read_scanlines(c, &row, 1);
            uint8_t *dst = s->pixels + y * w * channels;
            int inverted = c->saw_Adobe_marker;
            for (size_t x = 0; x < w; x++) {
                unsigned cc = s->row[4 * x], m = s->row[4 * x + 1], yy = s->row[4 * x + 2],
                         k = s->row[4 * x + 3];
                unsigned r, g, b;
                if (inverted) { /* Adobe writes inverted CMYK: 255 means no ink */
                    r = cc * k / 255; g = m * k / 255; b = yy * k / 255;
                } else {
                    r = (255 - cc) * (255 - k) / 255;
                    g = (255 - m) * (255 - k) / 255;
                    b = (255 - yy) * (255 - k) / 255;
                }
                if (rgb) {
                    dst[3 * x] = (uint8_t)r;
                    dst[3 * x + 1] = (uint8_t)g;
                    dst[3 * x + 2] = (uint8_t)b;
                } else {
                    dst[x] = hl_luma(r, g, b);
                }
            }
        }
    }
    jpeg_finish_decompress(c);
    out->pixels = s->pixels;
    s->pixels = NULL;
    hl_jpeg_release(s);
    free(s);
    return HL_OK;
}
