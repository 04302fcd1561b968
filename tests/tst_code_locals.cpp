// Local values in code: Brian2 lets a reset, on_pre/on_post, an event's or
// run_regularly's code define a name of its own with a plain assignment
// (`U_0 = ...`) and read it in the lines after. A model using locals runs bit
// for bit as the same model with the values written out; a local read before
// it is set, of the wrong unit, shadowing a constant, or never read (a
// misspelt variable) is refused with one line naming object and field.
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "support/ModelProblem.h"
#include "support/PlainValues.h"

#include <QtTest>
#include <cstring>

using namespace spikestudio;

namespace {

struct Code {
    std::string reset;
    std::string onPre;
    std::string regularly;
    std::string event;
};

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text)
        out += c == '\n' ? std::string("\\n") : std::string(1, c);
    return out + "\"";
}

/// Three neurons driven over threshold, all to all synapses, with `code`.
std::string model(const Code& code) {
    return R"j({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "30*ms",
  "seed": 3, "constants": {"tau": "10*ms"},
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 3,
    "equations": "dv/dt = (I - v)/tau : volt\nI : volt\nu : volt",
    "threshold": "v > 10*mV", "reset": )j" +
           quoted(code.reset) + R"j(,
    "initial": {"I": "(12 + 4*i)*mV"},
    "run_regularly": [{"name": "drive", "dt": "5*ms", "code": )j" +
           quoted(code.regularly) + R"j(}],
    "events": [{"name": "low", "condition": "v < 1*mV", "code": )j" +
           quoted(code.event) + R"j(}]}],
  "synapses": [{"name": "S", "source": "G", "target": "G", "model": "w : volt",
    "on_pre": )j" +
           quoted(code.onPre) + R"j(, "connect": {}, "initial": {"w": "(1 + i + j)*0.1*mV"}}]})j";
}

const Code kWithLocals{
    "a = 0.5*v  # kept before v is reset\nv = 0*mV\nu += a",
    "U_0 = 0.1*w  # first\nU_0 += 0.05*mV\nu_post += U_0",
    "k = rand()\nI = (12 + 4*i)*mV + k*mV",
    "low_by = 1*mV - v; u -= 0.01*low_by",
};

const Code kWrittenOut{
    "u += 0.5*v\nv = 0*mV",
    "u_post += 0.1*w + 0.05*mV",
    "I = (12 + 4*i)*mV + rand()*mV",
    "u -= 0.01*(1*mV - v)",
};

std::vector<double> finalValues(const Code& code, const char* variable) {
    auto network = buildNetwork(checkModel(readModel(model(code))));
    network->run(0.03);
    return plainValues(network->groups()[0].variables.at(variable));
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

Code resetOnly(const std::string& reset) {
    Code code = kWrittenOut;
    code.reset = reset;
    return code;
}

} // namespace

class TestCodeLocals : public QObject {
    Q_OBJECT

private slots:
    void localsRunAsTheValuesWrittenOut() {
        const std::vector<double> withLocals = finalValues(kWithLocals, "u");
        QVERIFY(
            std::any_of(withLocals.begin(), withLocals.end(), [](double u) { return u != 0.0; }));
        QVERIFY(sameBits(withLocals, finalValues(kWrittenOut, "u")));
        QVERIFY(sameBits(finalValues(kWithLocals, "I"), finalValues(kWrittenOut, "I")));
    }

    void badLocalsAreRefused_data() {
        QTest::addColumn<QString>("reset");
        QTest::addColumn<QString>("expected");
        QTest::newRow("never read: a misspelt variable")
            << "vv = 0*mV"
            << "'G', field 'reset', line 1, column 1: 'vv' is not a variable of 'G'";
        QTest::newRow("read before it is set") << "u += a\na = 1*mV"
                                               << "'G', field 'reset', line 1";
        QTest::newRow("wrong unit where it is used") << "a = 1\nv = a"
                                                     << "DimensionMismatchError";
        QTest::newRow("added to before it is set") << "b += 1*mV\nu = b"
                                                   << "'b'";
        QTest::newRow("a constant is no local") << "tau = 2*ms\nu = tau*mV/ms"
                                                << "'tau' is not a variable of 'G'";
    }

    void badLocalsAreRefused() {
        QFETCH(QString, reset);
        QFETCH(QString, expected);
        const std::string problem = problemOf(model(resetOnly(reset.toStdString())));
        QVERIFY2(problem.find(expected.toStdString()) != std::string::npos, problem.c_str());
    }

    void aLocalOfTheSynapsesIsNoVariableOfItsGroups() {
        Code code = kWrittenOut;
        code.onPre = "x = w";
        QVERIFY(problemOf(model(code)).find("'x' is not a variable of 'S' or its groups") !=
                std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCodeLocals)
#include "tst_code_locals.moc"
