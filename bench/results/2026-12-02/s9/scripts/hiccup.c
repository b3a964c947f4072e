// hiccup: one SCHED_FIFO 99 thread pinned to each CPU sleeps 1 ms at a time (clock_nanosleep, absolute)
// and records every wake-up that comes more than THRESH ms after it was due. A FIFO-99 thread preempts
// every other thread of the guest, so such a gap is time the CPU did not run the guest (the host
// stalled the vCPU) or ran with interrupts off. Prints one line per gap: wall-clock time, cpu, gap ms.
// usage: hiccup SECONDS [THRESH_MS]
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
static int seconds; static double thresh = 2.0;
static void *run(void *arg) {
    int cpu = (int)(long)arg;
    cpu_set_t set; CPU_ZERO(&set); CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    struct sched_param p = { .sched_priority = 99 };
    if (pthread_setschedparam(pthread_self(), SCHED_FIFO, &p)) { perror("setschedparam"); }
    struct timespec due, now, wall; clock_gettime(CLOCK_MONOTONIC, &due);
    long end = due.tv_sec + seconds; long wakes = 0, gaps = 0; double worst = 0;
    while (due.tv_sec < end) {
        due.tv_nsec += 1000000; if (due.tv_nsec >= 1000000000) { due.tv_nsec -= 1000000000; due.tv_sec++; }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL);
        clock_gettime(CLOCK_MONOTONIC, &now);
        double late = (now.tv_sec - due.tv_sec) * 1e3 + (now.tv_nsec - due.tv_nsec) / 1e6;
        wakes++;
        if (late > worst) worst = late;
        if (late > thresh) {
            clock_gettime(CLOCK_REALTIME, &wall);
            struct tm tm; localtime_r(&wall.tv_sec, &tm);
            printf("%02d:%02d:%02d.%03ld cpu %d late %.2f ms\n", tm.tm_hour, tm.tm_min, tm.tm_sec, wall.tv_nsec / 1000000, cpu, late);
            fflush(stdout); gaps++;
            due = now; // restart the schedule from now
        }
    }
    printf("cpu %d: %ld wake-ups, %ld late by more than %.1f ms, worst %.2f ms\n", cpu, wakes, gaps, thresh, worst);
    return NULL;
}
int main(int argc, char **argv) {
    seconds = argc > 1 ? atoi(argv[1]) : 30; if (argc > 2) thresh = atof(argv[2]);
    int n = sysconf(_SC_NPROCESSORS_ONLN); pthread_t t[64];
    for (long i = 0; i < n; i++) pthread_create(&t[i], NULL, run, (void *)i);
    for (int i = 0; i < n; i++) pthread_join(t[i], NULL);
    return 0;
}
