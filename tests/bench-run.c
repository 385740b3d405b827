/* tests/bench-run.c - run a command several times and report the best wall
 * time and the peak memory, for make bench.
 *
 *   bench-run N COMMAND [ARG]...
 *
 * Runs COMMAND N times (stdout and stderr passed through) and prints one
 * line to stdout: "best S worst S rss_kb K cpu S", the fastest and slowest
 * wall times in seconds, the largest peak resident set size seen and the
 * least CPU time of a run (user + system, of the command and every
 * descendant it waited for: getrusage(RUSAGE_CHILDREN) before and after),
 * which a busy machine changes far less than the wall time. The peak
 * comes from wait4(): the kernel reports the larger of the process's own
 * peak and that of the largest descendant it waited for, so for jembrief's
 * forked deck writers it is the biggest single process, not a sum.
 * Exit status: 1 when any run fails (exits non-zero or dies), else 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* User + system seconds of every child reaped so far, and theirs. */
static double children_cpu(void)
{
	struct rusage ru;
	getrusage(RUSAGE_CHILDREN, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[1]) : 0;
	if (n < 1) {
		fprintf(stderr, "usage: bench-run N COMMAND [ARG]...\n");
		return 2;
	}
	double best = -1, worst = -1, cpu = -1;
	long rss = 0;
	for (int i = 0; i < n; i++) {
		double t0 = now(), c0 = children_cpu();
		pid_t pid = fork();
		if (pid < 0) {
			perror("bench-run: fork");
			return 1;
		}
		if (pid == 0) {
			execvp(argv[2], argv + 2);
			perror("bench-run: exec");
			_exit(127);
		}
		int st;
		struct rusage ru;
		if (wait4(pid, &st, 0, &ru) != pid) {
			perror("bench-run: wait4");
			return 1;
		}
		double t = now() - t0;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "bench-run: %s failed (status %d)\n", argv[2], st);
			return 1;
		}
		if (best < 0 || t < best)
			best = t;
		if (t > worst)
			worst = t;
		if (ru.ru_maxrss > rss)
			rss = ru.ru_maxrss;
		double c = children_cpu() - c0;
		if (cpu < 0 || c < cpu)
			cpu = c;
	}
	printf("best %.3f worst %.3f rss_kb %ld cpu %.3f\n", best, worst, rss, cpu);
	return 0;
}
