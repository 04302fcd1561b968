// Linked variables in the desktop app, driven through the real widgets
// offscreen: the group inspector's Links table (add, edit, an index list,
// bad text, the checker's messages at their cell, remove, undo).
#include "MainWindow.h"
#include "canvas/NetworkScene.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "inspector/InspectorPanel.h"
#include "inspector/TableSection.h"
#include "model/ModelWriter.h"
#include "support/CellEditing.h"
#include "support/QuietMainWindow.h"

#include <QAction>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

const char* kLinkedModel = R"J({"format": "spikestudio-model", "version": 1, "duration": "5*ms",
  "groups": [{"name": "H", "type": "NeuronGroup", "N": 3,
              "equations": "dv/dt = (10*mV - v)/(10*ms) : volt"},
             {"name": "G", "type": "NeuronGroup", "N": 3,
              "equations": "dx/dt = (v_other - x)/(5*ms) : volt\nv_other : volt (linked)"}]})J";

} // namespace

class TestGuiLinks : public QObject {
    Q_OBJECT

    QTemporaryDir temporary_;
    std::unique_ptr<MainWindow> window_;

    const Model& model() { return window_->document()->model(); }
    TableSection* links() {
        return window_->inspector()->findChild<TableSection*>("section:links");
    }

    void open(const char* json) {
        const QString path = temporary_.filePath("model.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
        file.close();
        QVERIFY(window_->openModelFile(path));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        window_ = showQuietMainWindow();
        QVERIFY(window_);
    }

    void cleanup() { window_.reset(); }

    void linksAreAddedEditedCheckedAndUndone() {
        open(kLinkedModel);
        // Without a link the checker names the variable at the field.
        QTRY_VERIFY(!window_->diagnostics()->canRun());
        window_->scene()->selectObject(ObjectRef::group("G"));
        QTRY_COMPARE(window_->inspector()->object(), ObjectRef::group("G"));
        TableSection* section = links();
        QVERIFY(section && section->isVisible());
        const QString before = QString::fromStdString(writeModelJson(model()));

        section->addButton()->click(); // the unlinked (linked) parameter, reading H's v
        const auto& list = model().groups[1].links;
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE(list[0].variable, std::string("v_other"));
        QCOMPARE(list[0].source, std::string("H"));
        QCOMPARE(list[0].sourceVariable, std::string("v"));
        QVERIFY(!list[0].hasIndex);
        QTRY_VERIFY(window_->diagnostics()->canRun());

        // An index list is stored; one of the wrong length is reported at its cell.
        editCell(section, 0, 3, "2, 2");
        QVERIFY(model().groups[1].links[0].hasIndex);
        QCOMPARE(model().groups[1].links[0].index, (std::vector<long long>{2, 2}));
        QTRY_VERIFY(section->problemText().contains("expected 3 indices"));
        QVERIFY(section->table()->item(0, 3)->background() != QBrush());
        QVERIFY(!window_->diagnostics()->canRun());
        editCell(section, 0, 3, "2, 2, 0");
        QCOMPARE(model().groups[1].links[0].index, (std::vector<long long>{2, 2, 0}));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QCOMPARE(section->table()->item(0, 3)->text(), QString("2, 2, 0"));

        // Text that is no list of indices is not stored.
        const QString stored = QString::fromStdString(writeModelJson(model()));
        editCell(section, 0, 3, "two");
        QCOMPARE(QString::fromStdString(writeModelJson(model())), stored);
        QVERIFY(section->problemText().contains("'two' is not a list of neuron indices"));

        // A variable the source does not have is the checker's, at its cell.
        editCell(section, 0, 2, "w");
        QCOMPARE(model().groups[1].links[0].sourceVariable, std::string("w"));
        QTRY_VERIFY(section->problemText().contains("'w' is not a variable of 'H'"));
        window_->document()->undoStack()->undo();
        QCOMPARE(model().groups[1].links[0].sourceVariable, std::string("v"));

        // An empty index reads neuron by neuron again; removing is one step.
        editCell(section, 0, 3, "");
        QVERIFY(!model().groups[1].links[0].hasIndex);
        section->table()->setCurrentCell(0, 0);
        section->removeButton()->click();
        QVERIFY(model().groups[1].links.empty());
        QCOMPARE(section->table()->rowCount(), 0);
        QUndoStack* undo = window_->document()->undoStack();
        while (undo->canUndo() && QString::fromStdString(writeModelJson(model())) != before)
            undo->undo();
        QCOMPARE(QString::fromStdString(writeModelJson(model())), before);
    }

    void theSectionIsOnlyForNeuronGroups() {
        open(kLinkedModel);
        window_->scene()->selectObject(ObjectRef::group("H"));
        QTRY_COMPARE(window_->inspector()->object(), ObjectRef::group("H"));
        QVERIFY(links()->isVisible());
        window_->action("addPoissonGroup")->trigger();
        const QString poisson = QString::fromStdString(model().groups.back().name);
        window_->scene()->selectObject(ObjectRef::group(poisson));
        QTRY_COMPARE(window_->inspector()->object(), ObjectRef::group(poisson));
        QVERIFY(!links()->isVisible());
    }
};

QTEST_MAIN(TestGuiLinks)
#include "tst_gui_links.moc"
