/* Helpers shared by the codec files; not part of the public header. */
#ifndef HOPFIELDLAB_CCODECS_INTERNAL_H
#define HOPFIELDLAB_CCODECS_INTERNAL_H

#include <stdint.h>

/* BT.601 luma in 16-bit fixed point with rounding: the constants of libjpeg's
 * rgb_gray_convert and of Pillow's convert('L'), so PNG and JPEG agree. */
static inline uint8_t hl_luma(unsigned r, unsigned g, unsigned b) {
    return (uint8_t)((r * 19595u + g * 38470u + b * 7471u + 0x8000u) >> 16);
}

#endif
