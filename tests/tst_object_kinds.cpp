// The object kinds (model/kinds/): one descriptor per kind drives the model
// reader and writer. Every field a descriptor lists is read and written back
// in its place; every key of every bundled model is a field of its kind; the
// type names map one to one; unknown type names are refused with the list.
#include "diagnostics/ModelError.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "model/ObjectKinds.h"

#include <QDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace spikestudio;
using Json = nlohmann::ordered_json;

namespace {

/// The model file's list of each family.
const char* listKey(ObjectFamily family) {
    switch (family) {
    case ObjectFamily::Group:
        return "groups";
    case ObjectFamily::Synapses:
        return "synapses";
    case ObjectFamily::Monitor:
        return "monitors";
    case ObjectFamily::PoissonInput:
        return "poisson_inputs";
    case ObjectFamily::TimedArray:
        return "timed_arrays";
    case ObjectFamily::BinomialFunction:
        return "binomial_functions";
    }
    return "";
}

/// A value of the field's type, as a model file would write it (not
/// necessarily meaningful: the reader checks shape, not meaning).
Json sampleValue(const ObjectKind& kind, const FieldDescriptor& field) {
    switch (field.type) {
    case FieldType::Name:
        return field.key == "name" ? "thing" : "v";
    case FieldType::TypeName:
        return kind.typeName;
    case FieldType::Expression:
        return "3*ms + " + field.key; // distinct per field
    case FieldType::Statements:
        return "v = 0*mV\nw += 1";
    case FieldType::Equations:
        return "dv/dt = -v/tau : volt";
    case FieldType::Integer:
        return field.minimum + 2;
    case FieldType::Integers:
        return Json::array({0, 1});
    case FieldType::Expressions:
        return Json::array({"1*ms", "2*ms"});
    case FieldType::Names:
        return Json::array({"v", "w"});
    case FieldType::NamedExpressions:
        return Json::object({{"v", "1*mV"}, {"w", "v/2"}});
    case FieldType::Reference:
        return "G";
    case FieldType::RecordChoice:
        return Json::array({0, 2});
    case FieldType::ConnectRule:
        return Json::object({{"condition", "i != j"}, {"p", "0.5"}});
    case FieldType::NumberTable:
        return Json::array({Json::array({1.5, 2.5}), Json::array({3.5, 4.5})});
    case FieldType::Subgroups:
        return Json::array({Json::object({{"name", "front"}, {"start", 0}, {"stop", 2}})});
    case FieldType::Events:
        return Json::array(
            {Json::object({{"name", "up"}, {"condition", "v > 1*mV"}}),
             Json::object({{"name", "down"}, {"condition", "v < -1*mV"}, {"code", "v = 0*mV"}})});
    case FieldType::Pathways:
        return Json::array({Json::object(
            {{"name", "up"}, {"direction", "pre"}, {"code", "v += 1"}, {"delay", "2*ms"}})});
    case FieldType::ScheduleSlot:
        return "before_end";
    case FieldType::Order:
        return -3;
    case FieldType::Active:
    case FieldType::Flag: // both written only when false
        return false;
    case FieldType::RunRegularly:
        return Json::array({Json::object({{"name", "noise"},
                                          {"code", "v = rand()*mV"},
                                          {"dt", "1*ms"},
                                          {"when", "end"},
                                          {"order", 2}})});
    case FieldType::Links:
        return Json::array({Json::object({{"variable", "v_other"},
                                          {"source", "G"},
                                          {"source_variable", "v"},
                                          {"index", Json::array({0, 1})}})});
    }
    return nullptr;
}

/// An object of `kind` with every field of its descriptor, in its order.
Json fullObject(const ObjectKind& kind) {
    Json object = Json::object();
    for (const FieldDescriptor& field : kind.fields)
        object[field.key] = sampleValue(kind, field);
    return object;
}

std::string modelWith(ObjectFamily family, const Json& object) {
    Json model{{"format", "spikestudio-model"}, {"version", 1}};
    model[listKey(family)] = Json::array({object});
    return model.dump();
}

/// What reading `text` throws, or "".
QString readProblem(const std::string& text) {
    try {
        readModel(text);
    } catch (const ModelError& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

QString name(const ObjectKind* kind) {
    return QString::fromStdString(kind->typeName);
}

} // namespace

class ObjectKindsTest : public QObject {
    Q_OBJECT

private slots:
    void everyFieldOfEveryKindSurvivesReadAndWrite_data() {
        QTest::addColumn<const ObjectKind*>("kind");
        for (const ObjectKind* kind : ObjectKinds::all())
            QTest::newRow(kind->typeName.c_str()) << kind;
    }

    void everyFieldOfEveryKindSurvivesReadAndWrite() {
        QFETCH(const ObjectKind*, kind);
        const Json object = fullObject(*kind);
        const Model model = readModel(modelWith(kind->family, object));
        const Json written = Json::parse(writeModelJson(model));
        QCOMPARE(QString::fromStdString(written.at(listKey(kind->family)).at(0).dump()),
                 QString::fromStdString(object.dump()));
    }

    void aKeyOfNoKindIsRefused_data() { everyFieldOfEveryKindSurvivesReadAndWrite_data(); }

    void aKeyOfNoKindIsRefused() {
        QFETCH(const ObjectKind*, kind);
        Json object = fullObject(*kind);
        object["treshold"] = "v > 1";
        QVERIFY2(readProblem(modelWith(kind->family, object))
                     .endsWith("field 'treshold': unknown field 'treshold'"),
                 qPrintable(readProblem(modelWith(kind->family, object))));
    }

    void everyRequiredFieldIsRequired_data() {
        QTest::addColumn<const ObjectKind*>("kind");
        QTest::addColumn<QString>("field");
        for (const ObjectKind* kind : ObjectKinds::all())
            for (const FieldDescriptor& field : kind->fields)
                if (field.required && field.type != FieldType::Name)
                    QTest::newRow((kind->typeName + "." + field.key).c_str())
                        << kind << QString::fromStdString(field.key);
    }

    void everyRequiredFieldIsRequired() {
        QFETCH(const ObjectKind*, kind);
        QFETCH(QString, field);
        Json object = fullObject(*kind);
        object.erase(field.toStdString());
        const QString problem = readProblem(modelWith(kind->family, object));
        QVERIFY2(problem.contains("field '" + field + "'"), qPrintable(problem));
    }

    /// Every key of every bundled and reference model is a field of its kind.
    void bundledModelsUseOnlyDescribedFields() {
        int objects = 0;
        for (const char* folder : {"/resources/examples", "/tests/reference/models"}) {
            const QDir dir(QStringLiteral(SPIKESTUDIO_SOURCE_DIR) + folder);
            for (const QString& file : dir.entryList({"*.json"}, QDir::Files)) {
                QFile in(dir.filePath(file));
                QVERIFY(in.open(QIODevice::ReadOnly));
                const Json model = Json::parse(in.readAll().toStdString());
                for (const ObjectKind* kind : ObjectKinds::all()) {
                    if (!model.contains(listKey(kind->family)))
                        continue;
                    for (const Json& object : model.at(listKey(kind->family))) {
                        if (object.contains("type") && object.at("type") != kind->typeName)
                            continue;
                        ++objects;
                        for (const auto& [key, value] : object.items())
                            QVERIFY2(kind->hasField(key),
                                     qPrintable(file + ": " + name(kind) + " has no field " +
                                                QString::fromStdString(key)));
                    }
                }
            }
        }
        QVERIFY(objects > 20);
    }

    void typeNamesMapOneToOne() {
        QSet<QString> names;
        for (const ObjectKind* kind : ObjectKinds::all())
            names.insert(name(kind));
        QCOMPARE(names.size(), qsizetype(ObjectKinds::all().size()));
        for (const GroupKind* kind : ObjectKinds::groups()) {
            QCOMPARE(&ObjectKinds::of(kind->type), kind);
            QCOMPARE(ObjectKinds::groupNamed(kind->typeName), kind);
            QCOMPARE(QString(typeName(kind->type)), name(kind));
        }
        for (const MonitorKind* kind : ObjectKinds::monitors()) {
            QCOMPARE(&ObjectKinds::of(kind->type), kind);
            QCOMPARE(ObjectKinds::monitorNamed(kind->typeName), kind);
            QCOMPARE(QString(typeName(kind->type)), name(kind));
        }
        QVERIFY(!ObjectKinds::groupNamed("SpikeMonitor"));
        QVERIFY(!ObjectKinds::monitorNamed("NeuronGroup"));
    }

    void unknownTypeNamesAreRefusedWithTheKnownOnes_data() {
        QTest::addColumn<int>("family");
        QTest::addColumn<QString>("message");
        QTest::newRow("group") << int(ObjectFamily::Group)
                               << "'thing', field 'type': unknown group type 'Neuron' "
                                  "(NeuronGroup, PoissonGroup, SpikeGeneratorGroup)";
        QTest::newRow("monitor")
            << int(ObjectFamily::Monitor)
            << "'thing', field 'type': unknown monitor type 'Neuron' "
               "(SpikeMonitor, StateMonitor, PopulationRateMonitor, EventMonitor)";
    }

    void unknownTypeNamesAreRefusedWithTheKnownOnes() {
        QFETCH(int, family);
        QFETCH(QString, message);
        const Json object{{"name", "thing"}, {"type", "Neuron"}, {"N", 1}};
        QVERIFY2(readProblem(modelWith(ObjectFamily(family), object)).endsWith(message),
                 qPrintable(readProblem(modelWith(ObjectFamily(family), object))));
    }

    void aTypeThatIsNotANameIsRefused() {
        const Json object{{"name", "thing"}, {"type", Json::object({{"NeuronGroup", 1}})}};
        QVERIFY(readProblem(modelWith(ObjectFamily::Group, object))
                    .endsWith("'thing', field 'type': expected the name of a group type "
                              "(NeuronGroup, PoissonGroup, SpikeGeneratorGroup)"));
    }

    /// A field of a sibling kind is named as such, not as unknown.
    void aFieldOfAnotherKindSaysWhose() {
        Json monitor = fullObject(ObjectKinds::of(MonitorType::Spike));
        monitor["variables"] = Json::array({"v"});
        QVERIFY(readProblem(modelWith(ObjectFamily::Monitor, monitor))
                    .endsWith("field 'variables': 'variables' only applies to a StateMonitor "
                              "or EventMonitor"));
        Json group = fullObject(ObjectKinds::of(GroupType::NeuronGroup));
        group["period"] = "1*ms";
        QVERIFY(readProblem(modelWith(ObjectFamily::Group, group))
                    .endsWith("field 'period': 'period' only applies to a SpikeGeneratorGroup"));
    }

    /// The engine builds every kind of group and monitor: each has its step.
    void everyGroupAndMonitorKindHasABuildStep() {
        for (const GroupKind* kind : ObjectKinds::groups())
            QVERIFY2(hasBuildStep(kind->typeName), kind->typeName.c_str());
        for (const MonitorKind* kind : ObjectKinds::monitors())
            QVERIFY2(hasBuildStep(kind->typeName), kind->typeName.c_str());
        QVERIFY(!hasBuildStep("SpatialNeuron"));
    }

    /// Every field says what it is for; quantities say their unit.
    void everyFieldIsDescribed() {
        for (const ObjectKind* kind : ObjectKinds::all()) {
            QVERIFY(!kind->label.empty() && !kind->description.empty() &&
                    !kind->namePrefix.empty());
            for (const FieldDescriptor& field : kind->fields) {
                const QString where = name(kind) + "." + QString::fromStdString(field.key);
                QVERIFY2(!field.description.empty(), qPrintable(where));
                if (field.type == FieldType::Expression)
                    QVERIFY2(field.unit != UnitRule::None, qPrintable(where));
                if (field.type == FieldType::Reference)
                    QVERIFY2(!field.references.empty(), qPrintable(where));
                if (field.editor != EditorHint::None)
                    QVERIFY2(!field.label.empty(), qPrintable(where));
            }
        }
    }

    /// A new object from each kind's prototype is written and read back whole.
    void prototypesRoundTrip() {
        Model model;
        for (const GroupKind* kind : ObjectKinds::groups()) {
            model.groups.push_back(kind->prototype());
            model.groups.back().type = kind->type;
            model.groups.back().name = kind->namePrefix;
        }
        model.timedArrays.push_back(ObjectKinds::timedArray().prototype());
        model.timedArrays.back().name = "stimulus";
        const std::string text = writeModelJson(model);
        QCOMPARE(writeModelJson(readModel(text)), text);
        QCOMPARE(readModel(text).groups.size(), ObjectKinds::groups().size());
    }
};

QTEST_GUILESS_MAIN(ObjectKindsTest)
#include "tst_object_kinds.moc"
