/* Writes the JPEG fixtures the image tests read, with libjpeg (Debian libjpeg62-turbo-dev):
 *   cc make-jpegs.c -ljpeg -o /tmp/make-jpegs && /tmp/make-jpegs
 * Each is 160×80 pixels: a blue field with a red square on its left half, so a test can
 * tell the colours and the orientation apart. */
#include <stdio.h>
#include <stdlib.h>
#include <jpeglib.h>

static void pixel(int x, int y, unsigned char rgb[3]) {
    int red = x >= 20 && x < 60 && y >= 20 && y < 60;
    rgb[0] = red ? 220 : 30;
    rgb[1] = red ? 40 : 80;
    rgb[2] = red ? 40 : 160;
}

static void write(const char *name, J_COLOR_SPACE space, int components, int progressive) {
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    FILE *f = fopen(name, "wb");
    if (!f) { perror(name); exit(1); }
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, f);
    c.image_width = 160;
    c.image_height = 80;
    c.input_components = components;
    c.in_color_space = space;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 90, TRUE);
    if (progressive) jpeg_simple_progression(&c);
    jpeg_start_compress(&c, TRUE);
    unsigned char row[160 * 4];
    while (c.next_scanline < c.image_height) {
        for (int x = 0; x < 160; x++) {
            unsigned char rgb[3];
            pixel(x, c.next_scanline, rgb);
            if (components == 1) row[x] = (rgb[0] * 299 + rgb[1] * 587 + rgb[2] * 114) / 1000;
            else if (components == 3) { row[3 * x] = rgb[0]; row[3 * x + 1] = rgb[1]; row[3 * x + 2] = rgb[2]; }
            else {
                /* Adobe CMYK as Photoshop writes it: inverted (255 = no ink). */
                int k = 255 - (rgb[0] > rgb[1] ? (rgb[0] > rgb[2] ? rgb[0] : rgb[2]) : (rgb[1] > rgb[2] ? rgb[1] : rgb[2]));
                for (int i = 0; i < 3; i++) row[4 * x + i] = 255 - (k == 255 ? 0 : (255 - rgb[i] - k) * 255 / (255 - k));
                row[4 * x + 3] = 255 - k;
            }
        }
        JSAMPROW rows[1] = {row};
        jpeg_write_scanlines(&c, rows, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    fclose(f);
}

int main(void) {
    write("photo-rgb.jpg", JCS_RGB, 3, 0);
    write("photo-progressive.jpg", JCS_RGB, 3, 1);
    write("photo-gray.jpg", JCS_GRAYSCALE, 1, 0);
    write("photo-cmyk.jpg", JCS_CMYK, 4, 0);
    return 0;
}
