#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(){
 size_t n=8<<20; unsigned *a=malloc(n*sizeof(unsigned)); for(size_t i=0;i<n;i++)a[i]=i;
 srand(1); for(size_t i=n-1;i>0;i--){size_t j=((size_t)rand()*RAND_MAX+rand())%i; unsigned t=a[i];a[i]=a[j];a[j]=t;}
 double t0=now(); unsigned x=0; for(size_t i=0;i<n;i++) x=a[x]; double t1=now();
 volatile double s=0; for(long i=0;i<100000000;i++) s+=i*0.5; double t2=now();
 printf("mem chase %.1f ns/load, alu %.2f ns/iter (%u)\n",(t1-t0)/n*1e9,(t2-t1)/1e8*1e9,x);}
