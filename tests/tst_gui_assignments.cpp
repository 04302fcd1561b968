// Initial values as a list of assignments in the inspector, driven through
// the real widgets offscreen: the elements column in Brian2's index syntax,
// reordering, numbers per element in the array editor with spreadsheet paste
// (and bad pastes refused whole), copy back out, the checker's messages and
// undo. Also the text forms behind it (elements, number columns).
#include "MainWindow.h"
#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkScene.h"
#include "canvas/NetworkView.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/AssignmentElements.h"
#include "document/ModelDocument.h"
#include "document/NumberColumn.h"
#include "inspector/ArrayValuesEditor.h"
#include "inspector/AssignmentsSection.h"
#include "inspector/InspectorPanel.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "support/CellEditing.h"
#include "support/QuietMainWindow.h"

#include <QAction>
#include <QClipboard>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

QString modelText(const Model& model) {
    return QString::fromStdString(writeModelJson(model));
}

const char* kModel = R"({"format": "spikestudio-model", "version": 1, "duration": "10*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 4,
              "equations": "dv/dt = -v/(10*ms) : volt\nx : 1"}],
  "synapses": [{"name": "S", "source": "G", "target": "G", "model": "w : volt",
                "on_pre": "v_post += w", "connect": {"condition": "i != j"}}]})";

} // namespace

class TestGuiAssignments : public QObject {
    Q_OBJECT

    QTemporaryDir temporary_;
    std::unique_ptr<MainWindow> window_;

    const Model& model() { return window_->document()->model(); }
    QUndoStack* undoStack() { return window_->document()->undoStack(); }
    AssignmentsSection* initial() {
        return window_->inspector()->findChild<AssignmentsSection*>("section:initial");
    }

    void open(const char* json) {
        const QString path = temporary_.filePath("model.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
        file.close();
        QVERIFY(window_->openModelFile(path));
    }

    void inspect(const ObjectRef& object) {
        window_->scene()->selectObject(object);
        QTRY_COMPARE(window_->inspector()->object(), object);
    }

    QString cell(int row, int column) { return initial()->table()->item(row, column)->text(); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        window_ = showQuietMainWindow();
        QVERIFY(window_);
        window_->action("new")->trigger();
    }

    void cleanup() { window_.reset(); }

    void elementsTextReadsAndWritesBrian2Indexing() {
        struct Case {
            QString text;
            bool synapses;
            QString written; // "" when refused
        };
        const QList<Case> cases{
            {"", false, "all"},
            {":", false, "all"},
            {"all", false, "all"},
            {"3", false, "3"},
            {"[1, 5, 5]", false, "[1, 5, 5]"},
            {"10:20", false, "10:20"},
            {"::2", false, "::2"},
            {"'i > 2'", false, "'i > 2'"},
            {"\"v > 0*mV\"", false, "'v > 0*mV'"},
            {"0, :", true, "0, :"},
            {"[1, 2], 0:3", true, "[1, 2], :3"},
            {"1, 2", false, ""},
            {"-1", false, ""},
            {"1:-2", false, ""},
            {"[]", false, ""},
            {"''", false, ""},
            {"1, 2, 3", true, ""},
            {"x", false, ""},
            {"[1, b]", false, ""},
        };
        for (const Case& test : cases) {
            AssignmentSpec spec{.variable = "v", .value = "1"};
            spec.condition = "unchanged";
            QString problem;
            const bool read = AssignmentElements::parse(test.text, test.synapses, spec, &problem);
            QCOMPARE(read, !test.written.isEmpty());
            if (read) {
                QCOMPARE(AssignmentElements::format(spec), test.written);
            } else {
                QVERIFY2(!problem.isEmpty(), qPrintable(test.text));
                QCOMPARE(spec.condition, std::string("unchanged")); // untouched when refused
            }
        }
    }

    void numberColumnsReadWhatSpreadsheetsCopy() {
        QString problem;
        auto values = NumberColumn::parse("1\n-2.5\r\n3e-3\n", &problem);
        QVERIFY(values);
        QCOMPARE(*values, (std::vector<double>{1, -2.5, 3e-3}));
        QCOMPARE(NumberColumn::format(*values), QString("1\n-2.5\n0.003\n"));
        QCOMPARE(NumberColumn::number(0.1 + 0.2), QString("0.30000000000000004"));
        const QList<QPair<QString, QString>> refused{
            {"1\n2\tx\n", "row 2 has 2 columns"},
            {"1\nabc\n", "row 2, column 1: 'abc' is not a number"},
            {"1,000\n", "row 1, column 1: '1,000' is not a number"},
            {"1\n\n2\n", "row 2, column 1: '' is not a number"},
            {"nan\n", "row 1, column 1: 'nan' is not a number"},
            {"1e999\n", "row 1, column 1: '1e999' is not a number"},
            {"\n", "nothing to paste"},
        };
        for (const auto& [text, message] : refused) {
            problem.clear();
            QVERIFY(!NumberColumn::parse(text, &problem));
            QVERIFY2(problem.contains(message), qPrintable(problem));
        }
    }

    void assignmentsAreAddedEditedMovedAndUndone() {
        open(kModel);
        inspect(ObjectRef::group("G"));
        AssignmentsSection* section = initial();
        QVERIFY(section->isVisible());
        const QString empty = modelText(model());

        section->addButton()->click(); // v at its zero, for every neuron: the map form
        QCOMPARE(model().groups[0].initial, (NamedExpressions{{"v", "0*volt"}}));
        QCOMPARE(cell(0, 1), QString("all"));
        editCell(section->table(), 0, 2, "-70*mV");
        editCell(section->table(), 0, 1, "1:3"); // some neurons: the list form
        QVERIFY(model().groups[0].initial.empty());
        QCOMPARE(model().groups[0].assignments.size(), size_t(1));
        const AssignmentSpec& sliced = model().groups[0].assignments[0];
        QCOMPARE(sliced.index.form, IndexSelection::Form::Slice);
        QCOMPARE(sliced.value, std::string("-70*mV"));
        QCOMPARE(cell(0, 1), QString("1:3"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        section->addButton()->click(); // x, not set yet
        QCOMPARE(model().groups[0].assignments[1].variable, std::string("x"));
        editCell(section->table(), 1, 1, "'i > 1'");
        QCOMPARE(model().groups[0].assignments[1].condition, std::string("i > 1"));
        section->table()->setCurrentCell(1, 0);
        section->moveUpButton()->click();
        QCOMPARE(model().groups[0].assignments[0].variable, std::string("x"));
        QCOMPARE(model().groups[0].assignments[1].variable, std::string("v"));
        QCOMPARE(section->table()->currentRow(), 0);
        undoStack()->undo();
        QCOMPARE(model().groups[0].assignments[0].variable, std::string("v"));

        // Elements text that is no index is not stored.
        const QString before = modelText(model());
        editCell(section->table(), 0, 1, "1, 2");
        QCOMPARE(modelText(model()), before);
        QVERIFY(section->problemText().contains("brackets"));

        // The checker's message marks the entry's cell.
        editCell(section->table(), 0, 1, "[2, 9]");
        QTRY_VERIFY(!window_->diagnostics()->problems().isEmpty());
        QVERIFY2(section->table()->item(0, 1)->background() != QBrush(),
                 qPrintable(section->problemText() + " | " +
                            window_->diagnostics()->problems().value(0).field));
        QVERIFY2(section->problemText().contains("index 9 is out of range for 4 neurons"),
                 qPrintable(section->problemText()));
        undoStack()->undo();
        QTRY_VERIFY(window_->diagnostics()->canRun());

        // The file reads back as the same model.
        QCOMPARE(modelText(readModel(writeModelJson(model()))), modelText(model()));
        while (undoStack()->canUndo() && modelText(model()) != empty)
            undoStack()->undo();
        QCOMPARE(modelText(model()), empty);
    }

    /// Brian2's `seed(n)` between two assignments as a "seed" row: added
    /// after the selected entry, its seed edited (a bad one refused in its
    /// cell), the map form turned into the list form that holds it, undone.
    void seedEntriesSitBetweenAssignments() {
        open(kModel);
        inspect(ObjectRef::group("G"));
        AssignmentsSection* section = initial();
        const QString empty = modelText(model());
        section->addButton()->click();
        editCell(section->table(), 0, 2, "rand()*mV");
        section->addButton()->click();
        editCell(section->table(), 1, 2, "rand()");
        section->table()->setCurrentCell(0, 0);
        section->addSeedButton()->click();
        const std::vector<AssignmentSpec>& list = model().groups[0].assignments;
        QCOMPARE(list.size(), size_t(3));
        QVERIFY(model().groups[0].initial.empty());
        QCOMPARE(list[1].reseed->seed, std::optional<std::uint32_t>(1));
        QCOMPARE(cell(1, 0), QString("seed"));
        QCOMPARE(cell(1, 1), QString());
        QVERIFY(!(section->table()->item(1, 1)->flags() & Qt::ItemIsEditable));
        editCell(section->table(), 1, 2, "12345678");
        QCOMPARE(model().groups[0].assignments[1].reseed->seed,
                 std::optional<std::uint32_t>(12345678));
        editCell(section->table(), 1, 2, "4294967296");
        QVERIFY(section->problemText().contains("a seed is a whole number from 0 to 4294967295"));
        editCell(section->table(), 1, 2, "Fresh");
        QVERIFY(!model().groups[0].assignments[1].reseed->seed);
        QCOMPARE(cell(1, 2), QString("fresh"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(modelText(model()).contains(R"("seed": "fresh")"));
        QCOMPARE(modelText(readModel(writeModelJson(model()))), modelText(model()));
        while (undoStack()->canUndo() && modelText(model()) != empty)
            undoStack()->undo();
        QCOMPARE(modelText(model()), empty);
    }

    void numbersArePastedFromASpreadsheetAndUndone() {
        open(kModel);
        inspect(ObjectRef::group("G"));
        AssignmentsSection* section = initial();
        section->addButton()->click();
        section->table()->setCurrentCell(0, 0);
        section->numbersButton()->click();
        const AssignmentSpec& entry = model().groups[0].assignments.at(0);
        QVERIFY(entry.hasValues);
        QCOMPARE(entry.values, std::vector<double>{0});
        QCOMPARE(entry.unit, std::string("volt"));
        ArrayValuesEditor* array = section->arrayEditor();
        QVERIFY(array->isVisible());
        QCOMPARE(array->table()->rowCount(), 1);
        QTRY_VERIFY(window_->diagnostics()->canRun()); // one number stands for all

        // A column copied from a spreadsheet, with its trailing newline.
        QApplication::clipboard()->setText("-0.07\n-0.065\n-0.06\n-0.055\n");
        array->table()->setCurrentCell(0, 0);
        array->table()->setFocus();
        QTest::keySequence(array->table(), QKeySequence::Paste);
        QCOMPARE(model().groups[0].assignments[0].values,
                 (std::vector<double>{-0.07, -0.065, -0.06, -0.055}));
        QCOMPARE(array->table()->rowCount(), 4);
        QCOMPARE(array->table()->item(3, 0)->text(), QString("-0.055"));
        QCOMPARE(cell(0, 2), QString("[4 numbers] volt"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        // Bad cells: nothing changes, and the message names row and column.
        const QString pasted = modelText(model());
        const int steps = undoStack()->count();
        QApplication::clipboard()->setText("1\n2\tx\n");
        array->findChild<QToolButton*>("array.paste")->click();
        QVERIFY(array->problemText().contains("row 2 has 2 columns"));
        QApplication::clipboard()->setText("0.1\nseven\n");
        array->findChild<QToolButton*>("array.paste")->click();
        QVERIFY(array->problemText().contains("row 2, column 1: 'seven' is not a number"));
        QCOMPARE(modelText(model()), pasted);
        QCOMPARE(undoStack()->count(), steps);

        // From a selected row on, overwriting and growing past the end.
        QApplication::clipboard()->setText("1\n2\n");
        array->table()->setCurrentCell(3, 0);
        array->findChild<QToolButton*>("array.paste")->click();
        QCOMPARE(model().groups[0].assignments[0].values,
                 (std::vector<double>{-0.07, -0.065, -0.06, 1, 2}));
        QTRY_VERIFY(section->problemText().contains("5 values for 4 neurons"));
        undoStack()->undo();
        QCOMPARE(modelText(model()), pasted);

        // One cell typed; a bad one is refused.
        editCell(array->table(), 1, 0, "-0.05");
        QCOMPARE(model().groups[0].assignments[0].values[1], -0.05);
        editCell(array->table(), 1, 0, "fifty");
        QCOMPARE(model().groups[0].assignments[0].values[1], -0.05);
        QVERIFY(array->problemText().contains("Row 2"));
        QCOMPARE(array->table()->item(1, 0)->text(), QString("-0.05"));

        // The unit, then copying back out as a spreadsheet column.
        array->unitEdit()->setFocus();
        array->unitEdit()->selectAll();
        QTest::keyClicks(array->unitEdit(), "mV");
        QTest::keyClick(array->unitEdit(), Qt::Key_Return);
        QCOMPARE(model().groups[0].assignments[0].unit, std::string("mV"));
        QApplication::clipboard()->clear();
        array->findChild<QToolButton*>("array.copy")->click();
        QCOMPARE(QApplication::clipboard()->text(), QString("-0.07\n-0.05\n-0.06\n-0.055\n"));

        // Undo the paste: back to the one number.
        while (undoStack()->canUndo() && model().groups[0].assignments[0].values.size() != 1)
            undoStack()->undo();
        QCOMPARE(model().groups[0].assignments[0].values, std::vector<double>{0});
        QCOMPARE(array->table()->rowCount(), 1);
    }

    void synapsesSetValuesByPreAndPost() {
        open(kModel);
        inspect(ObjectRef::synapses("S"));
        AssignmentsSection* section = initial();
        QVERIFY(section->isVisible());
        section->addButton()->click();
        QCOMPARE(model().synapses[0].initial, (NamedExpressions{{"w", "0*volt"}}));
        editCell(section->table(), 0, 1, "0, :");
        const AssignmentSpec& entry = model().synapses[0].assignments.at(0);
        QCOMPARE(entry.pre.form, IndexSelection::Form::List);
        QCOMPARE(entry.pre.list, std::vector<long long>{0});
        QVERIFY(entry.post.all());
        editCell(section->table(), 0, 2, "1*mV");
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(section->table(), 0, 1, "9, :"); // no neuron 9 in G
        QTRY_VERIFY(!window_->diagnostics()->problems().isEmpty());
        QVERIFY(section->table()->item(0, 1)->background() != QBrush());
    }

    void synapsesSetDelaysByCondition() {
        // Brian2's S.delay['i == 0'] = ...: typed as the variable 'delay'.
        open(kModel);
        inspect(ObjectRef::synapses("S"));
        AssignmentsSection* section = initial();
        section->addButton()->click();
        editCell(section->table(), 0, 1, "'i == 0'");
        editCell(section->table(), 0, 0, "delay");
        editCell(section->table(), 0, 2, "2*ms + j*0.5*ms");
        const AssignmentSpec& entry = model().synapses[0].assignments.at(0);
        QCOMPARE(entry.variable, std::string("delay"));
        QCOMPARE(entry.condition, std::string("i == 0"));
        QCOMPARE(entry.value, std::string("2*ms + j*0.5*ms"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(section->table(), 0, 2, "2*mV"); // a delay is a time
        QTRY_VERIFY(!window_->diagnostics()->problems().isEmpty());
        QVERIFY(section->table()->item(0, 2)->background() != QBrush());
        undoStack()->undo();
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    void synapsesSetAPathwaysDelaysForAll() {
        // Brian2's S.post.delay = 3*ms typed as 'post.delay' for every synapse:
        // delays stay in the list form, which the map form cannot hold.
        open(R"({"format": "spikestudio-model", "version": 1, "duration": "10*ms",
          "groups": [{"name": "G", "type": "NeuronGroup", "N": 4,
                      "equations": "dv/dt = -v/(10*ms) : volt", "threshold": "v > 1*mV"}],
          "synapses": [{"name": "S", "source": "G", "target": "G", "model": "w : volt",
                        "on_pre": "v_post += w", "on_post": "w += 0.1*mV",
                        "connect": {"condition": "i != j"}}]})");
        inspect(ObjectRef::synapses("S"));
        AssignmentsSection* section = initial();
        section->addButton()->click();
        editCell(section->table(), 0, 0, "post.delay");
        editCell(section->table(), 0, 2, "3*ms");
        QVERIFY(model().synapses[0].initial.empty());
        const AssignmentSpec& entry = model().synapses[0].assignments.at(0);
        QCOMPARE(entry.variable, std::string("post.delay"));
        QVERIFY(entry.index.all() && entry.condition.empty());
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(section->table(), 0, 0, "back.delay"); // S has no pathway 'back'
        QTRY_VERIFY(!window_->diagnostics()->problems().isEmpty());
        QVERIFY(window_->diagnostics()->problems().first().problem.contains("no pathway 'back'"));
        undoStack()->undo();
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }
};

QTEST_MAIN(TestGuiAssignments)
#include "tst_gui_assignments.moc"
