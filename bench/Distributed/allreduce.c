/* Open MPI's own MPI_Allreduce on float32, the reference for Flint's all_reduce (bench/Distributed/run.sh).
 * Usage: mpirun -np 2 ./allreduce ITERS   -> one line per size: "c allreduce <bytes> <median microseconds>" (rank 0). */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }

int main(int argc, char **argv) {
    int provided, rank;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int iters = argc > 1 ? atoi(argv[1]) : 100;
    const long sizes[] = {1L << 20, 25L << 20};
    for (int s = 0; s < 2; s++) {
        int n = (int)(sizes[s] / sizeof(float));
        float *buf = malloc(sizes[s]);
        for (int i = 0; i < n; i++) buf[i] = 1.0f;
        double *t = malloc(sizeof(double) * iters);
        for (int w = 0; w < iters / 10 + 2; w++) MPI_Allreduce(MPI_IN_PLACE, buf, n, MPI_FLOAT, MPI_SUM, MPI_COMM_WORLD);
        for (int i = 0; i < iters; i++) {
            MPI_Barrier(MPI_COMM_WORLD);
            double t0 = MPI_Wtime();
            MPI_Allreduce(MPI_IN_PLACE, buf, n, MPI_FLOAT, MPI_SUM, MPI_COMM_WORLD);
            t[i] = (MPI_Wtime() - t0) * 1e6;
        }
        qsort(t, iters, sizeof(double), cmp);
        if (rank == 0) printf("c allreduce %ld %.1f\n", sizes[s], t[iters / 2]);
        free(t);
        free(buf);
    }
    MPI_Finalize();
    return 0;
}
