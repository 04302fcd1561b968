// `spikestudio run --final-state DIR` (csv/FinalStateWriter, csv/NpyFile):
// every group's and synapses' variable as the engine holds it when the run
// ends, bit for bit, in NumPy's .npy format, with an index naming unit,
// dimension, type, dtype and size; names from the model are checked first
// (a bad one writes nothing) and two that differ only in case get two files;
// a failed write leaves no index and no temporary, a bad folder is refused.
#include "csv/FinalStateWriter.h"
#include "csv/NpyFile.h"
#include "engine/RunSession.h"
#include "model/ModelReader.h"
#include "runtime/Network.h"
#include "support/FileSizeLimit.h"
#include "support/FileTree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <sstream>

using namespace spikestudio;

namespace {

// Dynamics, refractoriness, an integer counter, Poisson inputs, synapses with
// per-synapse delays and an event-driven trace; a SpikeGeneratorGroup (no state).
const char* const kModel = R"json({
  "format": "spikestudio-model", "version": 1, "dt": "0.1*ms", "duration": "30*ms", "seed": 5,
  "groups": [
    {"name": "P", "type": "PoissonGroup", "N": 3, "rates": "200*Hz"},
    {"name": "G", "type": "NeuronGroup", "N": 4,
     "equations": "dv/dt = (drive - v)/(5*ms) : volt\ndrive : volt (constant)\nfired : integer",
     "threshold": "v > 10*mV", "reset": "v = 0*mV\nfired += 1", "refractory": "2*ms",
     "initial": {"drive": "(9 + 2*i)*mV"}},
    {"name": "Gen", "type": "SpikeGeneratorGroup", "N": 1, "indices": [0], "times": ["1*ms"]}],
  "synapses": [
    {"name": "S", "source": "P", "target": "G",
     "model": "w : siemens\ndtrace/dt = -trace/(3*ms) : 1 (event-driven)",
     "on_pre": "v += 1*mV\ntrace += 1", "connect": {"condition": "True"},
     "delay": "(1 + i + j)*0.5*ms", "initial": {"w": "(i + 2*j)*0.25*nS"}}]
})json";

/// A .npy file's dtype and values' bytes, after checking its header as numpy
/// documents it (magic, version 1.0, a dict literal, values aligned to 64 bytes).
struct NpyContents {
    QByteArray descr;
    long long count = -1;
    QByteArray values;
};

NpyContents readNpy(const QByteArray& bytes) {
    NpyContents npy;
    if (bytes.size() < 10 || bytes.left(8) != QByteArray("\x93NUMPY\x01\x00", 8))
        return npy;
    const int headerLength =
        static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
    const QByteArray header = bytes.mid(10, headerLength);
    if ((10 + headerLength) % 64 != 0 || !header.endsWith('\n'))
        return npy;
    const QRegularExpression dict(
        R"(^\{'descr': '([<>|][a-z][0-9])', 'fortran_order': False, 'shape': \((\d+),\), \} *\n$)");
    const QRegularExpressionMatch match = dict.match(QString::fromLatin1(header));
    if (!match.hasMatch())
        return npy;
    npy.descr = match.captured(1).toLatin1();
    npy.count = match.captured(2).toLongLong();
    npy.values = bytes.mid(10 + headerLength);
    return npy;
}

template <typename Values> QByteArray bytesOf(const Values& values) {
    return QByteArray(reinterpret_cast<const char*>(values.data()),
                      static_cast<qsizetype>(values.size() * sizeof(values[0])));
}

QJsonObject readIndex(const QString& dir) {
    return QJsonDocument::fromJson(contents(dir + "/index.json")).object();
}

/// The index entry of `variable` of `object`, or an empty object.
QJsonObject entryOf(const QJsonObject& index, const QString& object, const QString& variable) {
    for (const QJsonValue& entry : index["objects"].toArray())
        if (entry["name"].toString() == object)
            for (const QJsonValue& array : entry["variables"].toArray())
                if (array["name"].toString() == variable)
                    return array.toObject();
    return {};
}

QStringList objectNames(const QJsonObject& index) {
    QStringList names;
    for (const QJsonValue& entry : index["objects"].toArray())
        names << entry["name"].toString();
    return names;
}

std::string what(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::exception& error) {
        return error.what();
    }
    return "";
}

/// A network and its checked model made by hand: one group per name, each
/// with a variable `v` (values 0, 1, ... N-1) and, when given, more.
struct HandMade {
    CheckedModel model;
    std::unique_ptr<Network> network = std::make_unique<Network>(1);

    HandMade(const QStringList& groupNames, long long size = 3,
             const std::vector<std::string>& variables = {"v"}) {
        for (const QString& name : groupNames) {
            CheckedGroup& checked = model.groups.emplace_back();
            checked.name = name.toStdString();
            checked.size = size;
            checked.scope = std::make_unique<Scope>();
            checked.stateVariables = variables;
            GroupState& state = network->groups().emplace_back();
            state.name = checked.name;
            state.size = size;
            for (const std::string& variable : variables)
                for (long long k = 0; k < size; ++k)
                    state.variables[variable].push_back(static_cast<double>(k));
        }
    }
};

} // namespace

class TestFinalState : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString freshDir(const QString& name) {
        const QString path = dir_.filePath(name);
        QDir(path).removeRecursively();
        QDir().mkpath(path);
        return path;
    }

private slots:
    void npyHeadersAreNumpys() {
        std::ostringstream out;
        NpyFile::writeDoubles(out, std::vector<double>{1.5, -0.0, 1e-300});
        const QByteArray bytes = QByteArray::fromStdString(out.str());
        const NpyContents npy = readNpy(bytes);
        QCOMPARE(npy.descr, QByteArray("<f8"));
        QCOMPARE(npy.count, 3);
        QCOMPARE(npy.values, bytesOf(std::vector<double>{1.5, -0.0, 1e-300}));
        // the header numpy.lib.format 1.0 documents, padded to 2 * 64 bytes
        const QByteArray dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }";
        QCOMPARE(bytes.left(128), QByteArray("\x93NUMPY\x01\x00\x76\x00", 10) + dict +
                                      QByteArray(128 - 10 - dict.size() - 1, ' ') + "\n");
        QCOMPARE(bytes.size(), 128 + 3 * 8);
        std::ostringstream empty;
        NpyFile::writeInt32s(empty, {});
        const NpyContents none = readNpy(QByteArray::fromStdString(empty.str()));
        QCOMPARE(none.descr, QByteArray("<i4"));
        QCOMPARE(none.count, 0);
        QVERIFY(none.values.isEmpty());
    }

    void valuesAndUnitsAreTheEnginesExactly() {
        RunSession session(
            [] {
                return ModelSource{readModel(kModel), kModel};
            },
            {}, TierMode::Tcc);
        QCOMPARE(session.run({}).status, RunStatus::Finished);
        const QString dir = freshDir("exact");
        writeFinalState(session.network(), *session.model(), dir.toStdString());
        const QJsonObject index = readIndex(dir);
        QCOMPARE(index["format"].toString(), QString("spikestudio-final-state"));
        QCOMPARE(index["version"].toInt(), 1);
        QCOMPARE(objectNames(index), (QStringList{"P", "G", "S"})); // Gen has no state

        int arrays = 0;
        const Network& network = session.network();
        for (const GroupState& group : network.groups())
            for (const auto& [name, values] : group.variables) {
                const QJsonObject entry = entryOf(index, QString::fromStdString(group.name),
                                                  QString::fromStdString(name));
                QVERIFY2(!entry.isEmpty(), name.c_str());
                const NpyContents npy = readNpy(contents(dir + "/" + entry["file"].toString()));
                QCOMPARE(npy.descr, QByteArray("<f8"));
                QCOMPARE(entry["size"].toInteger(), group.size);
                QCOMPARE(npy.values, bytesOf(values));
                ++arrays;
            }
        const SynapseState& synapses = network.synapses().front();
        QCOMPARE(synapses.size(), 12);
        for (const auto& [name, values] : synapses.variables) {
            const QJsonObject entry = entryOf(index, "S", QString::fromStdString(name));
            QCOMPARE(readNpy(contents(dir + "/" + entry["file"].toString())).values,
                     bytesOf(values));
            ++arrays;
        }
        QCOMPARE(arrays, 2 + 5 + 3); // P: rates; G: v, drive, fired, lastspike,
                                     // not_refractory; S: w, trace, lastupdate (delay below)
        const NpyContents pre = readNpy(contents(dir + "/S.i.npy"));
        QCOMPARE(pre.descr, QByteArray("<i4"));
        QCOMPARE(pre.values, bytesOf(synapses.pre));
        QCOMPARE(readNpy(contents(dir + "/S.j.npy")).values, bytesOf(synapses.post));
        std::vector<double> delays;
        for (long long k = 0; k < synapses.size(); ++k)
            delays.push_back((1 + synapses.pre[k] + synapses.post[k]) * 0.5 * 1e-3);
        const NpyContents delay = readNpy(contents(dir + "/S.delay.npy"));
        QCOMPARE(delay.count, 12);
        const auto* written = reinterpret_cast<const double*>(delay.values.constData());
        for (size_t k = 0; k < delays.size(); ++k)
            QCOMPARE(written[k], delays[k]);

        // the run changed the state: not just the initial values
        const auto& fired = network.groups()[1].variables.at("fired");
        QVERIFY(*std::max_element(fired.begin(), fired.end()) > 0);

        const QJsonObject v = entryOf(index, "G", "v");
        QCOMPARE(v["unit"].toString(), QString("V"));
        QCOMPARE(v["dimension"].toArray(), (QJsonArray{2, 1, -3, -1, 0, 0, 0}));
        QCOMPARE(v["type"].toString(), QString("float"));
        QCOMPARE(v["file"].toString(), QString("G.v.npy"));
        QCOMPARE(entryOf(index, "G", "fired")["type"].toString(), QString("integer"));
        QCOMPARE(entryOf(index, "G", "not_refractory")["type"].toString(), QString("boolean"));
        QCOMPARE(entryOf(index, "G", "lastspike")["unit"].toString(), QString("s"));
        QCOMPARE(entryOf(index, "P", "rates")["unit"].toString(), QString("Hz"));
        QCOMPARE(entryOf(index, "S", "w")["unit"].toString(), QString("S"));
        QCOMPARE(entryOf(index, "S", "trace")["unit"].toString(), QString(""));
        QCOMPARE(entryOf(index, "S", "delay")["unit"].toString(), QString("s"));
        QCOMPARE(entryOf(index, "S", "i")["dtype"].toString(), QString("<i4"));
        const QJsonObject synapsesEntry = index["objects"].toArray()[2].toObject();
        QCOMPARE(synapsesEntry["source"].toString(), QString("P"));
        QCOMPARE(synapsesEntry["target"].toString(), QString("G"));
        QCOMPARE(synapsesEntry["kind"].toString(), QString("Synapses"));
    }

    void aDelaySharedByAllSynapsesIsWrittenPerSynapse() {
        HandMade made({"A"});
        SynapseState& synapses = made.network->synapses().emplace_back();
        synapses.name = "S";
        synapses.source = synapses.target = &made.network->groups().front();
        synapses.pre = {0, 1};
        synapses.post = {2, 2};
        synapses.uniformDelay = 0.00125;
        CheckedSynapses& checked = made.model.synapses.emplace_back();
        checked.name = "S";
        checked.scope = std::make_unique<Scope>();
        const QString dir = freshDir("uniform");
        writeFinalState(*made.network, made.model, dir.toStdString());
        QCOMPARE(readNpy(contents(dir + "/S.delay.npy")).values,
                 bytesOf(std::vector<double>{0.00125, 0.00125}));
    }

    void namesDifferingInCaseGetTheirOwnFiles() {
        HandMade made({"G", "g"}, 2, {"v", "V"});
        const QString dir = freshDir("case");
        writeFinalState(*made.network, made.model, dir.toStdString());
        const QJsonObject index = readIndex(dir);
        QStringList files;
        for (const auto& [object, variable] :
             {std::pair{"G", "v"}, {"G", "V"}, {"g", "v"}, {"g", "V"}})
            files << entryOf(index, object, variable)["file"].toString();
        QCOMPARE(files, (QStringList{"G.v.npy", "G.V.2.npy", "g.v.3.npy", "g.V.4.npy"}));
        QCOMPARE(treeOf(dir),
                 (QStringList{"G.V.2.npy", "G.v.npy", "g.V.4.npy", "g.v.3.npy", "index.json"}));
    }

    void badNamesWriteNothing_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("path") << "../escape"
                              << "NeuronGroup '../escape', field 'name'";
        QTest::newRow("separator") << "a/b"
                                   << "NeuronGroup 'a/b', field 'name'";
        QTest::newRow("control character") << "bell\a"
                                           << "NeuronGroup 'bell\\x07', field 'name'";
        QTest::newRow("empty") << ""
                               << "NeuronGroup '', field 'name'";
        QTest::newRow("too long with its variable")
            << QString(199, 'x') << "NeuronGroup '" + QString(199, 'x') + "', variable 'v'";
    }

    void badNamesWriteNothing() {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        HandMade made({"fine", name});
        made.model.groups.back().type = GroupType::NeuronGroup;
        const QString dir = freshDir("bad");
        const std::string error =
            what([&] { writeFinalState(*made.network, made.model, dir.toStdString()); });
        QVERIFY2(QString::fromStdString(error).startsWith(expected), error.c_str());
        QVERIFY2(error.find("no final state was written") != std::string::npos, error.c_str());
        QCOMPARE(treeOf(dir), QStringList{});
    }

    void aBadFolderIsRefused() {
        HandMade made({"G"});
        const QString file = dir_.filePath("a-file");
        writeText(file, "x");
        const std::string underFile = what(
            [&] { writeFinalState(*made.network, made.model, (file + "/state").toStdString()); });
        QVERIFY2(underFile.find("cannot create the folder") != std::string::npos,
                 underFile.c_str());
        const std::string empty = what([&] { writeFinalState(*made.network, made.model, ""); });
        QVERIFY2(empty.find("folder name is empty") != std::string::npos, empty.c_str());
        const QString linked = freshDir("linked");
        QVERIFY(QFile::link(file, linked + "/index.json"));
        const std::string link =
            what([&] { writeFinalState(*made.network, made.model, linked.toStdString()); });
        QVERIFY2(link.find("symbolic link") != std::string::npos, link.c_str());
        QCOMPARE(treeOf(linked), QStringList{"index.json"}); // no array written
        QCOMPARE(contents(file), QByteArray("x"));
    }

    void aFailedWriteLeavesNoIndexAndNoTemporary() {
        HandMade small({"A", "B"});
        const QString dir = freshDir("failed");
        writeFinalState(*small.network, small.model, dir.toStdString());
        QVERIFY(QFile::exists(dir + "/index.json"));
        const QByteArray earlierB = contents(dir + "/B.v.npy");

        HandMade large({"A", "B"}, 100000); // B's 800 kB cannot be written
        large.network->groups()[0].variables["v"].resize(3);
        std::string error;
        {
            const FileSizeLimit limit(64 * 1024);
            error = what([&] { writeFinalState(*large.network, large.model, dir.toStdString()); });
        }
        QVERIFY2(error.find("cannot write") != std::string::npos, error.c_str());
        QCOMPARE(treeOf(dir), (QStringList{"A.v.npy", "B.v.npy"})); // no index, no temporary
        QCOMPARE(contents(dir + "/B.v.npy"), earlierB);
    }
};

QTEST_GUILESS_MAIN(TestFinalState)
#include "tst_final_state.moc"
