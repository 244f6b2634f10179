/* libqrencode side of the QR benchmark: encodes per second, in-process, on
   the same payloads as main.swift.
   Usage: libqrencode_bench [seconds] [rounds [short|large]]. With rounds:
   exactly that many rounds (100 URLs, or one large symbol) of each case, or
   of the one named, for instruction counts under callgrind. */
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double seconds = 2.0;
static long rounds = 0;   /* 0: run for `seconds` */
static long checksum = 0;

static int encode(const char *text, int version, QRecLevel level) {
    QRcode *q = QRcode_encodeString(text, version, level, QR_MODE_8, 1);
    if (!q) { perror("QRcode_encodeString"); exit(1); }
    int got = q->version;
    checksum += q->data[q->width * q->width / 2] & 1;
    QRcode_free(q);
    return got;
}

int main(int argc, char **argv) {
    if (argc > 1) seconds = atof(argv[1]);
    if (argc > 2) { rounds = atol(argv[2]); seconds = 1e9; }
    const char *only = argc > 3 ? argv[3] : "";

    char urls[100][96];
    for (int i = 0; i < 100; i++)
        snprintf(urls[i], sizeof urls[i], "https://jrfw.example.gov.cn/products/bank-%03d-kexindai/?from=qr", i);
    char large[1271];
    for (int i = 0; i < 1270; i++) large[i] = 'a' + (i * 7 + i / 26) % 26;
    large[1270] = 0;

    if (strcmp(only, "large") != 0) {
        long n = 0, done = 0;
        double start = now(), elapsed;
        do {
            for (int i = 0; i < 100; i++) encode(urls[i], 0, QR_ECLEVEL_M);
            n += 100;
            done++;
        } while ((elapsed = now() - start) < seconds && (rounds == 0 || done < rounds));
        printf("libqrencode short-url %.0f\n", n / elapsed);
    }
    if (strcmp(only, "short") != 0) {
        long n = 0;
        double start = now(), elapsed;
        do {
            if (encode(large, 40, QR_ECLEVEL_H) != 40) { fprintf(stderr, "expected version 40\n"); return 1; }
            n++;
        } while ((elapsed = now() - start) < seconds && (rounds == 0 || n < rounds));
        printf("libqrencode v40-H %.0f\n", n / elapsed);
    }
    fprintf(stderr, "(checksum %ld)\n", checksum);
    return 0;
}
