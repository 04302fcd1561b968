// runtime/MersenneTwister renews its state in vector-friendly loops; its
// stream must stay word for word that of std::mt19937 (and so numpy's and
// Brian2's) for every seed, across many renewals and after reseeding.
#include "runtime/MersenneTwister.h"
#include "runtime/RandomGenerator.h"

#include <QtTest>
#include <random>
#include <vector>

using namespace spikestudio;

class TestMersenneTwister : public QObject {
    Q_OBJECT

private slots:
    void matchesTheStandardEngine_data() {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {0u, 1u, 42u, 5489u, 2147483648u, 4294967295u})
            QTest::newRow(qPrintable(QString::number(seed))) << seed;
    }

    void matchesTheStandardEngine() {
        QFETCH(quint32, seed);
        std::mt19937 standard(seed);
        MersenneTwister ours(seed);
        // Ten renewals of the 624-word state, and a part of the eleventh.
        for (int k = 0; k < 10 * MersenneTwister::kStateSize + 100; ++k)
            QCOMPARE(ours(), static_cast<std::uint32_t>(standard()));
    }

    void reseedingStartsTheStreamAgain() {
        MersenneTwister engine(7);
        std::vector<std::uint32_t> first;
        for (int k = 0; k < 1000; ++k)
            first.push_back(engine());
        engine.seed(7);
        for (int k = 0; k < 1000; ++k)
            QCOMPARE(engine(), first[static_cast<size_t>(k)]);
    }

    // numpy.random.RandomState(0).random_sample(3), as Brian2 draws rand().
    void uniformsAreNumpys() {
        RandomGenerator generator(0);
        QCOMPARE(generator.uniform(), 0.5488135039273248);
        QCOMPARE(generator.uniform(), 0.7151893663724195);
        QCOMPARE(generator.uniform(), 0.6027633760716439);
    }

    // Kernels take their numbers drawn ahead in blocks (engine/BoundKernel):
    // the same stream as one call per number, across block and renewal
    // boundaries, from any position, the normals' cached second value too.
    void numbersDrawnInBlocksAreTheStream() {
        for (std::size_t count : {std::size_t{1}, std::size_t{255}, std::size_t{257},
                                  std::size_t{1000}, std::size_t{5000}}) {
            RandomGenerator one(11), block(11);
            for (int k = 0; k < 3; ++k) // start mid-block, with a normal cached
                QCOMPARE(block.normal(), one.normal());
            std::vector<double> uniforms(count), normals(count);
            block.fillUniform(uniforms.data(), count);
            block.fillNormal(normals.data(), count);
            for (std::size_t k = 0; k < count; ++k)
                QCOMPARE(uniforms[k], one.uniform());
            for (std::size_t k = 0; k < count; ++k)
                QCOMPARE(normals[k], one.normal());
            QCOMPARE(block.uniform(), one.uniform());
        }
        std::vector<std::uint32_t> words(2000);
        MersenneTwister taken(3), called(3);
        called();
        taken();
        taken.take(words.data(), words.size());
        for (std::uint32_t word : words)
            QCOMPARE(word, called());
    }
};

QTEST_APPLESS_MAIN(TestMersenneTwister)
#include "tst_mersenne_twister.moc"
