// The text of a sweep (`--vary`, `--seeds`, grid or zip) and the model each
// of its runs is: values with units, their exact model text, the order of the
// variants, and every refusal naming the option.
#include "diagnostics/UserError.h"
#include "expr/ConstantFolder.h"
#include "expr/Parser.h"
#include "expr/Scope.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"
#include "sweep/QuantityText.h"
#include "sweep/SeedList.h"
#include "sweep/SweepPlan.h"

#include <QtTest>

using namespace spikestudio;

namespace {

const char* const kModel = R"({"format": "spikestudio-model", "version": 1,
 "dt": "0.1*ms", "duration": "10*ms", "seed": 3,
 "constants": {"taum": "20*ms", "we": "1.62*mV", "gain": "2"},
 "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
   "equations": "dv/dt = -v/taum : volt", "threshold": "v > we", "reset": "v = 0*mV"}]})";

QString refusalOf(const std::function<void()>& body) {
    try {
        body();
    } catch (const UserError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

Quantity readBack(const std::string& text) {
    const Scope unitsOnly;
    return evaluateQuantity(parseExpression(text), unitsOnly);
}

} // namespace

class SweepPlanTest : public QObject {
    Q_OBJECT

private slots:
    void linearRangeIncludesBothEnds() {
        const SweepAxis axis = parseSweepAxis("we=0.5*mV:2*mV:4");
        QCOMPARE(axis.constant, std::string("we"));
        QVERIFY(axis.dimension == Dimension::volt());
        QCOMPARE(axis.values.size(), size_t(4));
        QCOMPARE(axis.values[0], 0.5 * 0.001);
        QCOMPARE(axis.values[3], 2 * 0.001);
        QVERIFY(std::abs(axis.values[1] - 1e-3) < 1e-15);
        QVERIFY(std::abs(axis.values[2] - 1.5e-3) < 1e-15);
    }

    void logarithmicRangeIsEvenOnALogScale() {
        const SweepAxis axis = parseSweepAxis("rate = 1*Hz : 100*Hz : 3 : log");
        QCOMPARE(axis.constant, std::string("rate"));
        QVERIFY(axis.dimension == Dimension::hertz());
        QCOMPARE(axis.values.size(), size_t(3));
        QCOMPARE(axis.values[0], 1.0);
        QVERIFY(std::abs(axis.values[1] - 10.0) < 1e-12);
        QCOMPARE(axis.values[2], 100.0);
    }

    void listTakesTheUnitAfterTheBracket() {
        const SweepAxis axis = parseSweepAxis("taum=[10, 20, 2.5e1]*ms");
        QCOMPARE(axis.values, (std::vector<double>{10 * 0.001, 20 * 0.001, 2.5e1 * 0.001}));
        QVERIFY(axis.dimension == Dimension::second());
        const SweepAxis quantities = parseSweepAxis("taum=[10*ms, 0.02*second, (1+2)*ms]");
        QCOMPARE(quantities.values, (std::vector<double>{10 * 0.001, 0.02, 3 * 0.001}));
    }

    void oneValueIsAnAxisOfOne() {
        const SweepAxis axis = parseSweepAxis("gain=3");
        QCOMPARE(axis.values, std::vector<double>{3.0});
        QVERIFY(axis.dimension.isDimensionless());
    }

    void valueTextReadsBackExactly_data() {
        QTest::addColumn<QString>("quantity");
        QTest::newRow("millivolt") << "0.1*mV";
        QTest::newRow("negative") << "-65.3*mV";
        QTest::newRow("third") << "(1.0/3)*ms";
        QTest::newRow("dimensionless") << "0.7";
        QTest::newRow("conductance density") << "0.3*msiemens/cm**2";
        QTest::newRow("no named unit") << "2.5*mV/ms**2";
        QTest::newRow("half power") << "sqrt(4.2*ms)";
        QTest::newRow("tiny") << "1e-300*amp";
    }
    void valueTextReadsBackExactly() {
        QFETCH(QString, quantity);
        const Quantity original = readBack(quantity.toStdString());
        const std::string text = exactQuantityText(original);
        const Quantity again = readBack(text);
        QCOMPARE(again.value, original.value);
        QVERIFY2(again.dim == original.dim, text.c_str());
    }

    void badAxesAreRefusedNamingTheOption_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no equals") << "we 1*mV"
                                   << "write NAME=VALUES";
        QTest::newRow("bad name") << "2we=1*mV"
                                  << "is not a constant's name";
        QTest::newRow("empty name") << "=1*mV"
                                    << "is not a constant's name";
        QTest::newRow("no value") << "we="
                                  << "a value is missing";
        QTest::newRow("mixed units") << "we=[1*mV, 2*ms]"
                                     << "values of different units";
        QTest::newRow("range units") << "we=1*mV:2*ms:3"
                                     << "values of different units";
        QTest::newRow("zero count") << "we=1*mV:2*mV:0"
                                    << "whole number from 1 to 10000";
        QTest::newRow("huge count") << "we=1*mV:2*mV:99999999999"
                                    << "whole number from 1";
        QTest::newRow("fraction count") << "we=1*mV:2*mV:2.5"
                                        << "whole number from 1";
        QTest::newRow("no count") << "we=1*mV:2*mV"
                                  << "a range needs a count";
        QTest::newRow("bad scale") << "we=1*mV:2*mV:3:lin"
                                   << "START:STOP:COUNT:log";
        QTest::newRow("negative log") << "we=-1*mV:2*mV:3:log"
                                      << "positive start and stop";
        QTest::newRow("empty list") << "we=[]*mV"
                                    << "the list is empty";
        QTest::newRow("empty element") << "we=[1,,2]*mV"
                                       << "an element of the list is empty";
        QTest::newRow("unclosed list") << "we=[1, 2*mV"
                                       << "closing ']'";
        QTest::newRow("junk after list") << "we=[1, 2]mV"
                                         << "only a unit may follow";
        QTest::newRow("unknown unit") << "we=1*furlong"
                                      << "furlong";
        QTest::newRow("not constant") << "we=rand()*mV"
                                      << "must be a constant quantity";
        QTest::newRow("infinite") << "we=1*mV:inf*mV:3"
                                  << "finite";
        QTest::newRow("syntax") << "we=1*/mV"
                                << "we=1*/mV";
    }
    void badAxesAreRefusedNamingTheOption() {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        const QString refusal = refusalOf([&] { parseSweepAxis(text.toStdString()); });
        QVERIFY2(refusal.startsWith("--vary '" + text + "'"), qPrintable(refusal));
        QVERIFY2(refusal.contains(problem), qPrintable(refusal));
        QVERIFY(!refusal.contains('\n'));
    }

    void overlongTextIsRefusedBeforeParsing() {
        const std::string text = "we=[" + std::string(5000, '1') + "]*mV";
        QVERIFY(refusalOf([&] { parseSweepAxis(text); }).contains("longer than 4096"));
    }

    void seedsAreARangeOrAList() {
        QCOMPARE(parseSeedList("1:5"), (std::vector<std::uint32_t>{1, 2, 3, 4, 5}));
        QCOMPARE(parseSeedList("3, 1,7"), (std::vector<std::uint32_t>{3, 1, 7}));
        QCOMPARE(parseSeedList("4294967295"), (std::vector<std::uint32_t>{4294967295u}));
        for (const char* bad : {"5:1", "-1", "x", "1:", "1,,2", "0:20000", "4294967296"}) {
            const QString refusal = refusalOf([&] { parseSeedList(bad); });
            QVERIFY2(refusal.startsWith(QString("--seeds '") + bad + "'"), qPrintable(refusal));
        }
    }

    void gridEnumeratesLikeNestedLoopsWithSeedsInnermost() {
        const SweepPlan plan(
            {parseSweepAxis("we=[1, 2, 3]*mV"), parseSweepAxis("taum=[10, 20]*ms")}, {7, 8},
            SweepCombination::Grid);
        QCOMPARE(plan.pointCount(), size_t(6));
        QCOMPARE(plan.variantCount(), size_t(12));
        const auto valuesOf = [&](size_t k) {
            const SweepVariant variant = plan.variant(k);
            return std::make_tuple(readBack(variant.constants[0].second).value,
                                   readBack(variant.constants[1].second).value, *variant.seed);
        };
        QCOMPARE(valuesOf(0), std::make_tuple(1e-3, 10e-3, 7u));
        QCOMPARE(valuesOf(1), std::make_tuple(1e-3, 10e-3, 8u));
        QCOMPARE(valuesOf(2), std::make_tuple(1e-3, 20e-3, 7u));
        QCOMPARE(valuesOf(11), std::make_tuple(3e-3, 20e-3, 8u));
        QCOMPARE(plan.variant(5).index, size_t(5));
    }

    void zipPairsTheKthValues() {
        const SweepPlan plan({parseSweepAxis("we=[1, 2]*mV"), parseSweepAxis("taum=[10, 20]*ms")},
                             {}, SweepCombination::Zip);
        QCOMPARE(plan.variantCount(), size_t(2));
        const SweepVariant second = plan.variant(1);
        QCOMPARE(readBack(second.constants[0].second).value, 2e-3);
        QCOMPARE(readBack(second.constants[1].second).value, 20e-3);
        QVERIFY(!second.seed);
    }

    void badPlansAreRefused() {
        QVERIFY(refusalOf([] {
                    SweepPlan({}, {}, SweepCombination::Grid);
                }).contains("at least one --vary"));
        QVERIFY(refusalOf([] {
                    SweepPlan({parseSweepAxis("we=1*mV"), parseSweepAxis("we=2*mV")}, {},
                              SweepCombination::Grid);
                }).contains("'we' is varied twice"));
        QVERIFY(refusalOf([] {
                    SweepPlan({parseSweepAxis("we=[1,2]*mV"), parseSweepAxis("taum=[1,2,3]*ms")},
                              {}, SweepCombination::Zip);
                }).contains("zipped constants need as many values each"));
        // 10000^3 would overflow a naive product; refused by the cap.
        const QString tooMany = refusalOf([] {
            SweepPlan({parseSweepAxis("a=0:1:10000"), parseSweepAxis("b=0:1:10000"),
                       parseSweepAxis("c=0:1:10000")},
                      {}, SweepCombination::Grid);
        });
        QVERIFY2(tooMany.contains("more than 100000 runs"), qPrintable(tooMany));
        QVERIFY(refusalOf([] {
                    SweepPlan({parseSweepAxis("a=0:1:1000")}, parseSeedList("1:1000"),
                              SweepCombination::Grid);
                }).contains("more than 100000 runs"));
    }

    void specificationReadsBackAsTheSamePlan() {
        const SweepPlan plan(
            {parseSweepAxis("we=0.5*mV:2*mV:3"), parseSweepAxis("taum=[10,20]*ms")}, {4, 9},
            SweepCombination::Grid);
        const std::string json = plan.specificationJson(std::string("50*ms"));
        QVERIFY(QString::fromStdString(json).contains(R"("duration":"50*ms")"));
        const SweepPlan again = SweepPlan::fromSpecification(json);
        QCOMPARE(again.variantCount(), plan.variantCount());
        QCOMPARE(again.seeds(), plan.seeds());
        QCOMPARE(again.combination(), plan.combination());
        for (size_t k = 0; k < plan.variantCount(); ++k)
            QCOMPARE(again.variant(k).constants, plan.variant(k).constants);
        const SweepPlan zipped = SweepPlan::fromSpecification(
            SweepPlan({parseSweepAxis("a=[1,2]"), parseSweepAxis("b=[3,4]")}, {},
                      SweepCombination::Zip)
                .specificationJson());
        QCOMPARE(zipped.combination(), SweepCombination::Zip);
        QCOMPARE(zipped.variantCount(), size_t(2));
    }

    void damagedSpecificationsAreRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not json") << "{"
                                  << "not a JSON object";
        QTest::newRow("no vary") << R"({"combination": "grid"})"
                                 << "'vary' is not a list";
        QTest::newRow("number in vary") << R"({"vary": [3], "combination": "grid"})"
                                        << "not text";
        QTest::newRow("bad axis") << R"({"vary": ["we"], "combination": "grid"})"
                                  << "write NAME=VALUES";
        QTest::newRow("negative seed")
            << R"({"vary": ["a=1"], "seeds": [-1], "combination": "grid"})"
            << "a seed";
        QTest::newRow("huge seed")
            << R"({"vary": ["a=1"], "seeds": [4294967296], "combination": "grid"})"
            << "a seed";
        QTest::newRow("bad combination") << R"({"vary": ["a=1"], "combination": "star"})"
                                         << "'combination'";
        QTest::newRow("no axes") << R"({"vary": [], "combination": "grid"})"
                                 << "at least one --vary";
    }
    void damagedSpecificationsAreRefused() {
        QFETCH(QString, json);
        QFETCH(QString, problem);
        const QString refusal =
            refusalOf([&] { SweepPlan::fromSpecification(json.toStdString()); });
        QVERIFY2(refusal.contains(problem), qPrintable(refusal));
    }

    void planIsCheckedAgainstTheModelsConstants() {
        const CheckedModel model = checkModel(readModel(kModel));
        SweepPlan({parseSweepAxis("we=1*mV:2*mV:3"), parseSweepAxis("gain=[1,2]")}, {},
                  SweepCombination::Grid)
            .checkAgainst(model);
        const QString unknown = refusalOf([&] {
            SweepPlan({parseSweepAxis("tau=[1]*ms")}, {}, SweepCombination::Grid)
                .checkAgainst(model);
        });
        QVERIFY2(
            unknown.contains("the model has no constant 'tau' (its constants: taum, we, gain)"),
            qPrintable(unknown));
        const QString wrongUnit = refusalOf([&] {
            SweepPlan({parseSweepAxis("taum=[1]*mV")}, {}, SweepCombination::Grid)
                .checkAgainst(model);
        });
        QVERIFY2(wrongUnit.contains("'taum' is in s"), qPrintable(wrongUnit));
        // A group's variable is not a constant.
        QVERIFY(!refusalOf([&] {
                     SweepPlan({parseSweepAxis("v=[1]*mV")}, {}, SweepCombination::Grid)
                         .checkAgainst(model);
                 }).isEmpty());
    }

    void variantModelHoldsTheValueAndSeed() {
        const Model base = readModel(kModel);
        const SweepPlan plan({parseSweepAxis("we=0.5*mV:2*mV:7")}, {11, 12},
                             SweepCombination::Grid);
        const SweepVariant variant = plan.variant(9); // 5th value, second seed
        const CheckedModel checked = checkModel(variant.applyTo(base));
        QCOMPARE(checked.constants->lookup("we")->value, plan.axes()[0].values[4]);
        QCOMPARE(checked.constants->lookup("taum")->value, 0.02);
        QCOMPARE(checked.seed, 12u);
        QCOMPARE(base.constants[1].second, std::string("1.62*mV")); // the base is untouched
    }
};

QTEST_MAIN(SweepPlanTest)
#include "tst_sweep_plan.moc"
