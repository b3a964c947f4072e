// pointer chase over 64 MiB: ns per dependent load (the machine's memory-latency state)
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int main(){ size_t n=(64<<20)/sizeof(size_t); size_t *a=malloc(n*sizeof(size_t)); size_t *p=malloc(n*sizeof(size_t));
 for(size_t i=0;i<n;i++)p[i]=i; srand(42); for(size_t i=n-1;i>0;i--){size_t j=((size_t)rand()<<16^rand())%(i+1);size_t t=p[i];p[i]=p[j];p[j]=t;}
 for(size_t i=0;i<n;i++)a[p[i]]=p[(i+1)%n];
 struct timespec t0,t1; size_t x=0,steps=20000000; clock_gettime(CLOCK_MONOTONIC,&t0); for(size_t i=0;i<steps;i++)x=a[x]; clock_gettime(CLOCK_MONOTONIC,&t1);
 printf("pointer chase %.1f ns per load (%zu)\n",((t1.tv_sec-t0.tv_sec)*1e9+(t1.tv_nsec-t0.tv_nsec))/steps,x&1); return 0;}
