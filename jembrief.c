/* jembrief.c - the driver (placeholder while the stages are built). */
#include <stdio.h>
int main(void) { puts("jembrief"); return 0; }
