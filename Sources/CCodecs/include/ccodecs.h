/*
 * CCodecs: the only place where HopfieldLab calls C libraries (libpng, libjpeg-turbo, zlib, xxHash).
 *
 * Everything that needs setjmp/longjmp stays in this target. Every function returns one of the
 * HL_* status codes and, on failure, a human-readable cause in `message`; none of them prints,
 * exits or aborts. Buffers returned in `pixels` / `data` are malloc'd: release them with
 * hl_free().
 */
#ifndef HOPFIELDLAB_CCODECS_H
#define HOPFIELDLAB_CCODECS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HL_OK 0
#define HL_ERR_CORRUPT 1      /* the bytes are damaged, truncated or not what the header says */
#define HL_ERR_TOO_LARGE 2    /* the header claims more pixels than the caller's limit */
#define HL_ERR_UNSUPPORTED 3  /* a valid file of a kind this decoder does not handle */
#define HL_ERR_MEMORY 4       /* an allocation failed */

#define HL_MESSAGE_SIZE 256

/* An 8-bit grayscale image decoded from a file. */
typedef struct {
    int32_t width, height;               /* size of `pixels` (after any scaled decoding) */
    int32_t source_width, source_height; /* size declared by the file's header */
    int32_t components;                  /* colour components in the file (1 gray, 3 colour, 4 CMYK) */
    int32_t scale_denom;                 /* JPEG IDCT scale used: 1, 2, 4 or 8 (1 for PNG) */
    int32_t bit_depth;                   /* bits per sample in the file */
    int32_t flags;                       /* HL_FLAG_* bits describing the source */
    int32_t channels;                    /* 1: luma; 3: interleaved R, G, B */
    uint8_t *pixels;                     /* width*height*channels bytes, row-major */
    char message[HL_MESSAGE_SIZE];
} hl_gray_image;

#define HL_FLAG_PROGRESSIVE 1  /* JPEG: progressive; PNG: Adam7 interlaced */
#define HL_FLAG_ALPHA 2        /* the file had an alpha channel (dropped) */
#define HL_FLAG_PALETTE 4      /* PNG palette image */
#define HL_FLAG_CMYK 8         /* JPEG in CMYK or YCCK */

/*
 * Decodes a JPEG to 8-bit luma. Colour JPEGs give libjpeg's Y channel (BT.601 weights, as the
 * encoder computed it); RGB JPEGs are converted with the same weights; CMYK/YCCK go through
 * RGB (Adobe-inverted when the Adobe marker says so) and then BT.601.
 * target_width/target_height > 0 ask for the largest IDCT reduction (1/2, 1/4, 1/8) whose output
 * is still at least that large; 0 decodes at full size. accurate_idct = 0 uses libjpeg's fast
 * integer IDCT (TensorFlow's default, so Keras loaders are reproduced exactly), 1 the accurate
 * integer IDCT (JDCT_ISLOW). Every libjpeg warning (premature end of
 * data, corrupt data) is an error. The pixel limit is checked on the header, before any pixel
 * memory is allocated.
 */
int hl_jpeg_decode_gray(const uint8_t *data, size_t size, int32_t target_width,
                        int32_t target_height, uint64_t max_pixels, int accurate_idct,
                        hl_gray_image *out);

/*
 * Decodes a PNG (any bit depth, gray, gray+alpha, RGB, RGBA, palette, interlaced) to 8-bit luma
 * with BT.601 weights computed here (not libpng's default weights). 16-bit samples are scaled
 * to 8 bits with rounding; alpha is dropped, never composited. The pixel limit is checked on the
 * IHDR chunk before libpng is started.
 */
int hl_png_decode_gray(const uint8_t *data, size_t size, uint64_t max_pixels, hl_gray_image *out);

/*
 * The same decoders with a choice of output: rgb = 0 gives luma as above, rgb = 1 interleaved
 * 8-bit R, G, B (gray files repeated in the three channels, CMYK converted as above, alpha
 * dropped), for encoders that see colour.
 */
int hl_jpeg_decode(const uint8_t *data, size_t size, int32_t target_width, int32_t target_height,
                   uint64_t max_pixels, int accurate_idct, int rgb, hl_gray_image *out);
int hl_png_decode(const uint8_t *data, size_t size, uint64_t max_pixels, int rgb, hl_gray_image *out);

/* A byte buffer returned by the encoders. */
typedef struct {
    uint8_t *data;
    size_t size;
    char message[HL_MESSAGE_SIZE];
} hl_buffer;

/* Encodes 8-bit pixels (channels: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA) as a PNG in memory. */
int hl_png_encode(const uint8_t *pixels, int32_t width, int32_t height, int32_t channels,
                  hl_buffer *out);

/* Inflates gzip or zlib data (detected from the header); refuses output above max_output. */
int hl_inflate(const uint8_t *data, size_t size, size_t max_output, hl_buffer *out);

/* zlib-format deflate at the given level (0..9): used to write APNG frames. */
int hl_deflate(const uint8_t *data, size_t size, int level, hl_buffer *out);

/* zlib's CRC-32 (as PNG chunks use it). */
uint32_t hl_crc32(uint32_t crc, const uint8_t *data, size_t size);

/* The versions of the libraries linked in, for manifests ("libpng 1.6.39, ..."). */
const char *hl_library_versions(void);

void hl_free(void *pointer);

/* XXH3-128 (xxHash 0.8, Debian's libxxhash-dev, compiled inline): the 16 bytes of the hash of
 * `data`, high half first (the order `xxhsum -H2` prints). */
void hl_xxh3_128(const void *data, size_t size, uint8_t out[16]);

/* The xxHash version, "0.8.1". */
const char *hl_xxhash_version(void);

/* Asks glibc's malloc to keep freed buffers of up to 64 MB in the heap (no munmap and new page
 * faults for every decoded photo). Does nothing on other C libraries. */
void hl_keep_freed_buffers(void);

#ifdef __cplusplus
}
#endif

#endif
