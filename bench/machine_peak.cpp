// What this CPU can do at most, measured: double-precision additions and
// multiplications per second (scalar, 4 and 8 lanes), divisions per second,
// and the bandwidth of reading and of a triad (a = b + s*c) at working sets
// from L1-sized to far beyond the caches, on one thread and on every core.
// bench/hardware_bound.py sets the kernels' measured speed against these.
//
// usage: machine_peak [--json]
//
// Built with -march=native and without contraction into fused multiply-adds,
// as the native tier compiles kernels: the peak is what such code can reach.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace {

using Stopwatch = std::chrono::steady_clock;

template <int Lanes> using Vector = double __attribute__((vector_size(Lanes * sizeof(double))));

/// Median of `runs` timings of `work`, in seconds.
double medianSeconds(const std::function<void()>& work, int runs = 5) {
    std::vector<double> seconds;
    for (int run = 0; run < runs; ++run) {
        const auto start = Stopwatch::now();
        work();
        seconds.push_back(std::chrono::duration<double>(Stopwatch::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    return seconds[seconds.size() / 2];
}

/// Keeps the compiler from dropping a result.
template <typename T> void keep(const T& value) {
    asm volatile("" : : "g"(&value) : "memory");
}

/// The sum of the chains: the one result that leaves a peak loop.
template <int Lanes, int Chains> Vector<Lanes> sumOf(const Vector<Lanes>* x) {
    Vector<Lanes> sum = {};
    for (int c = 0; c < Chains; ++c)
        sum += x[c];
    return sum;
}

/// Seconds (median) for `rounds` rounds of `step` on each of `Chains`
/// independent chains of `Lanes`-lane vectors: enough chains that neither
/// latency nor a single port limits them. Everything is local and only the sum
/// escapes, so the chains stay in registers.
template <int Lanes, int Chains, typename Step> double chainSeconds(long rounds, Step step) {
    return medianSeconds([rounds, step] {
        Vector<Lanes> x[Chains];
        for (int c = 0; c < Chains; ++c)
            x[c] = Vector<Lanes>{} + (1.0 + c);
        for (long round = 0; round < rounds; ++round) {
#pragma GCC unroll 24
            for (int c = 0; c < Chains; ++c)
                x[c] = step(x[c]);
        }
        keep(sumOf<Lanes, Chains>(x));
    });
}

/// Additions and multiplications per second with `Lanes` lanes (x = x * m + a).
template <int Lanes> double addMultiplyRate() {
    constexpr int kChains = 24;
    constexpr long kRounds = 20'000'000 / Lanes;
    const double seconds = chainSeconds<Lanes, kChains>(kRounds, [](Vector<Lanes> x) {
        return x * (Vector<Lanes>{} + 0.999999) + (Vector<Lanes>{} + 1e-7);
    });
    return 2.0 * kChains * kRounds * Lanes / seconds;
}

/// Divisions per second with `Lanes` lanes (x = d / x).
template <int Lanes> double divisionRate() {
    constexpr int kChains = 12;
    constexpr long kRounds = 4'000'000 / Lanes;
    const double seconds = chainSeconds<Lanes, kChains>(
        kRounds, [](Vector<Lanes> x) { return (Vector<Lanes>{} + 1.0000001) / x; });
    return double(kChains) * kRounds * Lanes / seconds;
}

struct Bandwidth {
    double read = 0.0;  // bytes per second summed over the threads
    double triad = 0.0; // bytes read and written per second (3 doubles per element)
};

/// Read and triad bandwidth with `threads` threads, each on its own arrays of
/// `bytes` in all (so the working set is threads * bytes).
Bandwidth bandwidth(size_t bytes, int threads) {
    const size_t n = bytes / (3 * sizeof(double));
    const long passes = std::max<long>(1, long((512u << 20) / bytes));
    std::vector<std::vector<double>> a(threads), b(threads), c(threads);
    for (int t = 0; t < threads; ++t) {
        a[t].assign(n, 1.0);
        b[t].assign(n, 2.0);
        c[t].assign(n, 3.0);
    }
    auto onEveryThread = [&](const std::function<void(int)>& work) {
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(work, t);
        work(0);
        for (std::thread& thread : pool)
            thread.join();
    };
    auto readAll = [&](int t) {
        // Partial sums in four of the widest vectors: the additions' latency is hidden.
        Vector<8> sum[4] = {};
        const double* x = b[t].data();
        for (long pass = 0; pass < passes; ++pass)
            for (size_t i = 0; i + 32 <= n; i += 32) {
#pragma GCC unroll 4
                for (int k = 0; k < 4; ++k) {
                    Vector<8> part;
                    std::memcpy(&part, x + i + 8 * k, sizeof part);
                    sum[k] += part;
                }
            }
        keep(sumOf<8, 4>(sum));
    };
    auto triad = [&](int t) {
        double* x = a[t].data();
        const double* y = b[t].data();
        const double* z = c[t].data();
        for (long pass = 0; pass < passes; ++pass) {
            for (size_t i = 0; i < n; ++i)
                x[i] = y[i] + 0.5 * z[i];
            keep(x[pass % n]);
        }
    };
    Bandwidth result;
    const double elements = double(n) * passes * threads;
    result.read = elements * sizeof(double) / medianSeconds([&] { onEveryThread(readAll); }, 3);
    result.triad = 3 * elements * sizeof(double) / medianSeconds([&] { onEveryThread(triad); }, 3);
    return result;
}

} // namespace

int main(int argc, char** argv) {
    const bool json = argc > 1 && std::strcmp(argv[1], "--json") == 0;
    if (argc > 2 || (argc == 2 && !json)) {
        std::fprintf(stderr, "usage: machine_peak [--json]\n");
        return 1;
    }
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const double scalar = addMultiplyRate<1>(), four = addMultiplyRate<4>(),
                 eight = addMultiplyRate<8>();
    const double divide1 = divisionRate<1>(), divide4 = divisionRate<4>();
    const size_t sizes[] = {16u << 10, 256u << 10, 4u << 20, 1u << 30};
    const char* names[] = {"16 KiB", "256 KiB", "4 MiB", "1 GiB"};
    Bandwidth one[4], all[4];
    for (int s = 0; s < 4; ++s) {
        one[s] = bandwidth(sizes[s], 1);
        all[s] = bandwidth(sizes[s] / cores, cores);
    }
    if (json) {
        std::printf("{\"cores\": %d, \"add_mul_per_s\": {\"1\": %.4g, \"4\": %.4g, \"8\": %.4g}, "
                    "\"div_per_s\": {\"1\": %.4g, \"4\": %.4g}, \"bandwidth\": [",
                    cores, scalar, four, eight, divide1, divide4);
        for (int s = 0; s < 4; ++s)
            std::printf("%s{\"bytes\": %zu, \"read_1\": %.4g, \"triad_1\": %.4g, \"read_all\": "
                        "%.4g, \"triad_all\": %.4g}",
                        s ? ", " : "", sizes[s], one[s].read, one[s].triad, all[s].read,
                        all[s].triad);
        std::printf("]}\n");
        return 0;
    }
    std::printf("cores: %d\n", cores);
    std::printf("additions and multiplications per second, one thread: scalar %.3g, 4 lanes "
                "%.3g, 8 lanes %.3g\n",
                scalar, four, eight);
    std::printf("divisions per second, one thread: scalar %.3g, 4 lanes %.3g\n", divide1, divide4);
    std::printf("| working set | read, 1 thread | triad, 1 thread | read, %d threads | triad, %d "
                "threads |\n| --- | ---: | ---: | ---: | ---: |\n",
                cores, cores);
    for (int s = 0; s < 4; ++s)
        std::printf("| %s | %.1f GB/s | %.1f GB/s | %.1f GB/s | %.1f GB/s |\n", names[s],
                    one[s].read / 1e9, one[s].triad / 1e9, all[s].read / 1e9, all[s].triad / 1e9);
    return 0;
}
