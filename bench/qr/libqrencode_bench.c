/* libqrencode side of the QR benchmark: encodes per second, in-process. */
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 2.0;
    char urls[100][96];
    for (int i = 0; i < 100; i++)
        snprintf(urls[i], sizeof urls[i], "https://jrfw.example.gov.cn/products/bank-%03d-kexindai/?from=qr", i);
    char large[1271];
    for (int i = 0; i < 1270; i++) large[i] = 'a' + (i * 7 + i / 26) % 26;
    large[1270] = 0;

    long n = 0, checksum = 0;
    double start = now(), elapsed;
    do {
        for (int i = 0; i < 100; i++) {
            QRcode *q = QRcode_encodeString(urls[i], 0, QR_ECLEVEL_M, QR_MODE_8, 1);
            if (!q) { perror("QRcode_encodeString"); return 1; }
            checksum += q->data[q->width * q->width / 2] & 1;
            QRcode_free(q);
        }
        n += 100;
    } while ((elapsed = now() - start) < seconds);
    printf("libqrencode short-url %.0f\n", n / elapsed);

    n = 0;
    start = now();
    do {
        QRcode *q = QRcode_encodeString(large, 40, QR_ECLEVEL_H, QR_MODE_8, 1);
        if (!q || q->version != 40) { fprintf(stderr, "expected version 40\n"); return 1; }
        checksum += q->data[q->width * q->width / 2] & 1;
        QRcode_free(q);
        n++;
    } while ((elapsed = now() - start) < seconds);
    printf("libqrencode v40-H %.0f\n", n / elapsed);
    fprintf(stderr, "(checksum %ld)\n", checksum);
    return 0;
}
