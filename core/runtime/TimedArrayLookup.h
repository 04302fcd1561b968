#pragma once
/* The value of a TimedArray at time t, called by generated kernels. Brian2's
 * C++ lookup: row int((t/epsilon + 0.5)/K) clipped to the table, where
 * epsilon = gridDt/K; K > 1 keeps the rounding clear of floating-point error. */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

double spikestudio_timed_array_1d(const double* values, int64_t rows, double epsilon,
                                  int64_t oversampling, double t);

/* A table with one column per index; an index outside it gives NaN, as in Brian2. */
double spikestudio_timed_array_2d(const double* values, int64_t rows, int64_t columns,
                                  double epsilon, int64_t oversampling, double t, double index);

#ifdef __cplusplus
}
#endif
