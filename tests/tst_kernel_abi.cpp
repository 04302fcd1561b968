// The kernel calling convention (codegen/KernelAbi.h) and the struct every
// kernel's prelude declares (codegen/templates/prelude.c) have one layout:
// a probe kernel compiled with the prelude, by libtcc and by the system C
// compiler exactly as real kernels are, reports the offset and size of every
// field and reads the fields of a context filled by C++; both must agree with
// the C++ side field for field.
#include "codegen/KernelAbi.h"
#include "codegen/KernelTemplates.h"
#include "engine/NativeCompiler.h"
#include "engine/TccCompiler.h"

#include <QTemporaryDir>
#include <QtTest>
#include <array>
#include <cstddef>

using namespace spikestudio;

namespace {

using Context = SpikeStudioKernelContext;

/// One field of the context: its name and where C++ puts it.
struct Field {
    const char* name;
    std::size_t offset;
    std::size_t size;
};

#define SPIKESTUDIO_FIELD(name)                                                                    \
    Field {                                                                                        \
#name, offsetof(Context, name), sizeof(Context::name)                                      \
    }
constexpr std::array<Field, 17> kFields = {
    SPIKESTUDIO_FIELD(t),          SPIKESTUDIO_FIELD(dt),
    SPIKESTUDIO_FIELD(timestep),   SPIKESTUDIO_FIELD(size),
    SPIKESTUDIO_FIELD(rng),        SPIKESTUDIO_FIELD(events),
    SPIKESTUDIO_FIELD(pre),        SPIKESTUDIO_FIELD(post),
    SPIKESTUDIO_FIELD(queue),      SPIKESTUDIO_FIELD(sourceSize),
    SPIKESTUDIO_FIELD(targetSize), SPIKESTUDIO_FIELD(first),
    SPIKESTUDIO_FIELD(last),       SPIKESTUDIO_FIELD(eventCount),
    SPIKESTUDIO_FIELD(draws),      SPIKESTUDIO_FIELD(targetsAscend),
    SPIKESTUDIO_FIELD(drawCount)};
#undef SPIKESTUDIO_FIELD

// Every field of Context is listed: the listed sizes add up to the struct
// (no field missing, none counted twice, no padding on either side).
constexpr std::size_t listedBytes() {
    std::size_t bytes = 0;
    for (const Field& field : kFields)
        bytes += field.size;
    return bytes;
}
static_assert(listedBytes() == sizeof(Context),
              "a field of SpikeStudioKernelContext is not listed");

/// What the probe writes into arrays[0]: per field its offset, its size and
/// the value it read from the context (pointers as integers), then the sizes
/// of the struct, int64_t and int32_t as the prelude declares them.
constexpr std::size_t kReportLength = 3 * kFields.size() + 3;

/// A kernel with the prelude, like every generated one; only plain pointer
/// arithmetic, so that it runs under both compilers' restrictions.
std::string probeSource() {
    std::string body;
    std::size_t slot = 0;
    for (const Field& field : kFields) {
        const std::string name = field.name;
        body += "    _out[" + std::to_string(slot++) + "] = (int64_t)((char*)&_context->" + name +
                " - (char*)_context);\n";
        body +=
            "    _out[" + std::to_string(slot++) + "] = (int64_t)sizeof(_context->" + name + ");\n";
        const bool isDouble = name == "t" || name == "dt";
        body += "    _out[" + std::to_string(slot++) + "] = " +
                (isDouble ? "(int64_t)(_context->" + name + " * 1000.0)"
                          : "(int64_t)_context->" + name) +
                ";\n";
    }
    body +=
        "    _out[" + std::to_string(slot++) + "] = (int64_t)sizeof(SpikeStudioKernelContext);\n";
    body += "    _out[" + std::to_string(slot++) + "] = (int64_t)sizeof(int64_t);\n";
    body += "    _out[" + std::to_string(slot++) + "] = (int64_t)sizeof(int32_t);\n";
    return kernelTemplate("prelude") +
           "void spikestudio_kernel(void* const* _arrays, const double* _constants,\n"
           "                        SpikeStudioKernelContext* _context)\n{\n"
           "    int64_t* _out = (int64_t*)_arrays[0];\n" +
           body + "}\n";
}

/// A context whose every field holds a value no other field holds.
Context distinctContext() {
    Context context{};
    context.t = 1.5;
    context.dt = 2.25;
    context.timestep = 3;
    context.size = 4;
    context.rng = reinterpret_cast<void*>(std::uintptr_t{0x5000});
    context.events = reinterpret_cast<int32_t*>(std::uintptr_t{0x6000});
    context.pre = reinterpret_cast<const int32_t*>(std::uintptr_t{0x7000});
    context.post = reinterpret_cast<const int32_t*>(std::uintptr_t{0x8000});
    context.queue = reinterpret_cast<void*>(std::uintptr_t{0x9000});
    context.sourceSize = 10;
    context.targetSize = 11;
    context.first = 12;
    context.last = 13;
    context.eventCount = 14;
    context.draws = reinterpret_cast<const double*>(std::uintptr_t{0xf000});
    context.targetsAscend = 17;
    context.drawCount = 18;
    return context;
}

/// The values C++ expects the probe to read back, in field order.
std::array<int64_t, kFields.size()> expectedValues() {
    return {1500, 2250, 3,  4,  0x5000, 0x6000, 0x7000, 0x8000, 0x9000,
            10,   11,   12, 13, 14,     0xf000, 17,     18};
}

std::array<int64_t, kReportLength> reportOf(const CompiledKernel& kernel) {
    std::array<int64_t, kReportLength> report{};
    report.fill(-1);
    void* arrays[] = {report.data()};
    Context context = distinctContext();
    kernel.function()(arrays, nullptr, &context);
    return report;
}

void verifyLayout(const std::array<int64_t, kReportLength>& report) {
    const auto values = expectedValues();
    for (std::size_t k = 0; k < kFields.size(); ++k) {
        const Field& field = kFields[k];
        QVERIFY2(report[3 * k] == int64_t(field.offset),
                 qPrintable(QString("offset of %1: C %2, C++ %3")
                                .arg(field.name)
                                .arg(report[3 * k])
                                .arg(field.offset)));
        QVERIFY2(report[3 * k + 1] == int64_t(field.size),
                 qPrintable(QString("size of %1: C %2, C++ %3")
                                .arg(field.name)
                                .arg(report[3 * k + 1])
                                .arg(field.size)));
        QVERIFY2(report[3 * k + 2] == values[k],
                 qPrintable(QString("%1 read by C: %2, written by C++: %3")
                                .arg(field.name)
                                .arg(report[3 * k + 2])
                                .arg(values[k])));
    }
    const std::size_t tail = 3 * kFields.size();
    QCOMPARE(report[tail], int64_t(sizeof(Context)));
    QCOMPARE(report[tail + 1], int64_t(sizeof(int64_t)));
    QCOMPARE(report[tail + 2], int64_t(sizeof(int32_t)));
}

} // namespace

class TestKernelAbi : public QObject {
    Q_OBJECT

private slots:
    void libtccSeesTheContextAsCppLaysItOut() {
        verifyLayout(reportOf(*TccCompiler::compile(probeSource())));
    }

    // The system compiler with the native tier's own flags and loader.
    void theSystemCompilerSeesTheContextAsCppLaysItOut() {
        std::string whyNot;
        const std::optional<NativeCompiler> compiler = NativeCompiler::find(&whyNot);
        if (!compiler)
            QSKIP(qPrintable("no native compiler: " + QString::fromStdString(whyNot)));
        verifyLayout(reportOf(*compiler->compile(probeSource())));
    }

    // The probe must be able to fail: a prelude with two fields swapped is caught.
    void aPreludeWithAnotherLayoutIsCaught() {
        std::string source = probeSource();
        const std::string from = "    int64_t sourceSize;\n    int64_t targetSize;\n";
        const std::size_t at = source.find(from);
        QVERIFY(at != std::string::npos);
        source.replace(at, from.size(), "    int64_t targetSize;\n    int64_t sourceSize;\n");
        const auto report = reportOf(*TccCompiler::compile(source));
        const std::size_t sourceSize = 9;
        QCOMPARE(report[3 * sourceSize], int64_t(offsetof(Context, targetSize)));
        QCOMPARE(report[3 * sourceSize + 2], int64_t(11));
    }
};

QTEST_GUILESS_MAIN(TestKernelAbi)
#include "tst_kernel_abi.moc"
