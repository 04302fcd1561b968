// The Model page's "Binomial functions" table (Brian2's BinomialFunction)
// driven through its widgets, offscreen: add with a free name, edit n, p and
// approximate in the cells, each one undo step; a bad n refused at its cell;
// the checker's problem with p at its cell; a run_regularly calling f() runs
// once a function named f is added; copy and paste carry the functions.
#include "MainWindow.h"
#include "canvas/NetworkView.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "document/ModelFragment.h"
#include "document/ModelLookup.h"
#include "inspector/BinomialFunctionsSection.h"
#include "inspector/InspectorPanel.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "run/RunController.h"
#include "run/RunView.h"
#include "support/CellEditing.h"
#include "support/QuietMainWindow.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

using Column = BinomialFunctionsSection::Column;

/// A group whose run_regularly draws x from `f()` every millisecond, and
/// BinomialFunctions as given (a JSON list, "" for none).
std::string modelText(const std::string& functions) {
    return R"json({"format": "spikestudio-model", "version": 1, "name": "binomial",
      "dt": "0.1*ms", "duration": "5*ms",)json" +
           (functions.empty() ? std::string() : "\"binomial_functions\": " + functions + ",") +
           R"json("groups": [{"name": "G", "type": "NeuronGroup", "N": 20,
                    "equations": "x : 1",
                    "run_regularly": [{"code": "x = f()", "dt": "1*ms"}]}],
      "monitors": [{"name": "trace", "type": "StateMonitor", "source": "G",
                    "variables": ["x"], "record": [0, 1]}]})json";
}

} // namespace

class TestGuiBinomialFunctions : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> window_;

    const Model& model() { return window_->document()->model(); }
    QUndoStack* undoStack() { return window_->document()->undoStack(); }
    BinomialFunctionsSection* section() {
        return window_->inspector()->findChild<BinomialFunctionsSection*>(
            "section:binomial_functions");
    }

    /// Clicks the canvas where there is nothing: the inspector shows the model.
    void clickEmptyCanvas() {
        QTest::mouseClick(window_->view()->viewport(), Qt::LeftButton, {}, {4, 4});
        QCOMPARE(window_->inspector()->object().kind, ObjectRef::Kind::Model);
    }

    void load(const std::string& text) {
        window_->document()->load(readModel(text), QString());
        clickEmptyCanvas();
        window_->diagnostics()->checkNow();
    }

    /// Toggles a check cell as a user does with the keyboard: the cell made
    /// current, then Space.
    void pressSpaceOn(TableSection* table, int row, int column) {
        QTableWidget* widget = table->table();
        QTableWidgetItem* item = widget->item(row, column);
        QVERIFY(item && (item->flags() & Qt::ItemIsUserCheckable));
        QVERIFY(!(item->flags() & Qt::ItemIsEditable)); // a check box, not text
        widget->setCurrentItem(item);
        widget->setFocus();
        QTest::keyClick(widget, Qt::Key_Space);
        QCoreApplication::processEvents();
    }

    bool cellMarked(TableSection* table, int row, int column) {
        return table->table()->item(row, column)->background() != QBrush();
    }

    std::string writeModelText() { return writeModelJson(model()); }

    QString cellText(TableSection* table, int row, int column) {
        return table->table()->item(row, column)->text();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        window_ = showQuietMainWindow();
        QVERIFY(window_);
        window_->action("new")->trigger(); // from the start page to an empty model
    }

    void cleanup() { window_.reset(); }

    void functionsAreAddedEditedAndUndoneOneStepEach() {
        window_->action("addNeuronGroup")->trigger();
        clickEmptyCanvas();
        BinomialFunctionsSection* functions = section();
        QVERIFY(functions && functions->isVisible());
        QCOMPARE(functions->table()->columnCount(), 4);
        QCOMPARE(functions->table()->horizontalHeaderItem(Column::ApproximateColumn)->text(),
                 QString("Approximate"));
        QCOMPARE(functions->addButton()->toolTip(),
                 QString("Add a BinomialFunction, called in code and equations as name()"));

        functions->addButton()->click();
        QCOMPARE(model().binomialFunctions.size(), size_t(1));
        QCOMPARE(model().binomialFunctions[0].name, std::string("binomial"));
        QCOMPARE(model().binomialFunctions[0].trials, 100LL);
        QCOMPARE(model().binomialFunctions[0].probability, std::string("0.1"));
        QVERIFY(model().binomialFunctions[0].approximate);
        QCOMPARE(functions->table()->rowCount(), 1);
        QCOMPARE(cellText(functions, 0, Column::TrialsColumn), QString("100"));
        QCOMPARE(functions->table()->item(0, Column::ApproximateColumn)->checkState(), Qt::Checked);
        QTRY_VERIFY(window_->diagnostics()->canRun());
        functions->addButton()->click(); // the name is taken: the next free one
        QCOMPARE(model().binomialFunctions[1].name, std::string("binomial_1"));
        QVERIFY(ModelLookup::nameTaken(model(), "binomial_1"));
        undoStack()->undo();
        QCOMPARE(model().binomialFunctions.size(), size_t(1));

        const std::string before = writeModelText();
        const int steps = undoStack()->index();
        editCell(functions, 0, Column::TrialsColumn, "250");
        QCOMPARE(model().binomialFunctions[0].trials, 250LL);
        QCOMPARE(undoStack()->index(), steps + 1);
        editCell(functions, 0, Column::ProbabilityColumn, "0.25");
        QCOMPARE(model().binomialFunctions[0].probability, std::string("0.25"));
        pressSpaceOn(functions, 0, Column::ApproximateColumn);
        QVERIFY(!model().binomialFunctions[0].approximate);
        QCOMPARE(functions->table()->item(0, Column::ApproximateColumn)->checkState(),
                 Qt::Unchecked);
        QCOMPARE(undoStack()->index(), steps + 3);
        QTRY_VERIFY(window_->diagnostics()->canRun());

        undoStack()->undo(); // approximate again, nothing else undone
        QVERIFY(model().binomialFunctions[0].approximate);
        QCOMPARE(model().binomialFunctions[0].probability, std::string("0.25"));
        QCOMPARE(functions->table()->item(0, Column::ApproximateColumn)->checkState(), Qt::Checked);
        undoStack()->undo();
        QCOMPARE(model().binomialFunctions[0].probability, std::string("0.1"));
        QCOMPARE(model().binomialFunctions[0].trials, 250LL);
        undoStack()->undo();
        QCOMPARE(writeModelText(), before);
        QCOMPARE(cellText(functions, 0, Column::TrialsColumn), QString("100"));

        functions->table()->setCurrentCell(0, 0);
        functions->removeButton()->click();
        QVERIFY(model().binomialFunctions.empty());
        QCOMPARE(functions->table()->rowCount(), 0);
        undoStack()->undo();
        QCOMPARE(model().binomialFunctions.size(), size_t(1));
    }

    void aBadNIsRefusedAtItsCell() {
        clickEmptyCanvas();
        BinomialFunctionsSection* functions = section();
        functions->addButton()->click();
        const int steps = undoStack()->index();
        const QList<QPair<QString, QString>> refused{
            {"-3", "binomial: n must be a whole number from 0 on, not '-3'"},
            {"ten", "binomial: n must be a whole number from 0 on, not 'ten'"},
            {"2.5", "binomial: n must be a whole number from 0 on, not '2.5'"},
            {"", "binomial: n must be a whole number from 0 on"},
            {"99999999999", "binomial: n must be at most 2147483647"}};
        for (const auto& [bad, problem] : refused) {
            editCell(functions, 0, Column::TrialsColumn, bad);
            QCOMPARE(functions->problemText(), problem);
            QVERIFY(cellMarked(functions, 0, Column::TrialsColumn));
            QCOMPARE(model().binomialFunctions[0].trials, 100LL);
            QCOMPARE(undoStack()->index(), steps);
        }
        editCell(functions, 0, Column::TrialsColumn, "100"); // the stored n again
        QVERIFY(functions->problemText().isEmpty());
        QVERIFY(!cellMarked(functions, 0, Column::TrialsColumn));
        QCOMPARE(undoStack()->index(), steps);             // nothing changed, nothing to undo
        editCell(functions, 0, Column::TrialsColumn, "0"); // no trials: always 0
        QCOMPARE(model().binomialFunctions[0].trials, 0LL);
        QVERIFY(functions->problemText().isEmpty());
        QVERIFY(!cellMarked(functions, 0, Column::TrialsColumn));

        editCell(functions, 0, Column::NameColumn, "");
        QVERIFY(functions->problemText().contains("needs a name"));
        QCOMPARE(model().binomialFunctions[0].name, std::string("binomial"));
    }

    void theCheckersProblemWithPIsShownAtItsCell() {
        load(modelText(R"([{"name": "f", "n": 10, "p": "1.5"}])"));
        BinomialFunctionsSection* functions = section();
        QVERIFY(functions->isVisible());
        QCOMPARE(cellText(functions, 0, Column::ProbabilityColumn), QString("1.5"));
        QTRY_VERIFY2(functions->problemText().contains("p must be a probability from 0 to 1"),
                     qPrintable(functions->problemText()));
        QVERIFY(cellMarked(functions, 0, Column::ProbabilityColumn));
        QVERIFY(!cellMarked(functions, 0, Column::TrialsColumn));
        QVERIFY(!window_->diagnostics()->canRun());

        // A local problem in another cell, then its stored value again: the
        // checker's problem with p is still shown.
        editCell(functions, 0, Column::TrialsColumn, "many");
        QVERIFY(functions->problemText().contains("n must be a whole number"));
        QVERIFY(!functions->problemText().contains("p must be"));
        editCell(functions, 0, Column::TrialsColumn, "10");
        QVERIFY(!cellMarked(functions, 0, Column::TrialsColumn));
        QCOMPARE(cellText(functions, 0, Column::TrialsColumn), QString("10"));
        QVERIFY2(functions->problemText().contains("p must be a probability from 0 to 1"),
                 qPrintable(functions->problemText()));
        QVERIFY(!functions->problemText().contains("n must be"));
        QVERIFY(cellMarked(functions, 0, Column::ProbabilityColumn));

        editCell(functions, 0, Column::ProbabilityColumn, "2*mV"); // not dimensionless
        QTRY_VERIFY2(functions->problemText().contains("dimensionless"),
                     qPrintable(functions->problemText()));
        QVERIFY(cellMarked(functions, 0, Column::ProbabilityColumn));
        editCell(functions, 0, Column::ProbabilityColumn, "0.5");
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(!cellMarked(functions, 0, Column::ProbabilityColumn));

        editCell(functions, 0, Column::NameColumn, "exp"); // a built-in function
        QTRY_VERIFY2(functions->problemText().contains("built-in function"),
                     qPrintable(functions->problemText()));
        QVERIFY(cellMarked(functions, 0, Column::NameColumn));
    }

    void aRunRegularlyCallingFRunsOnceFIsAdded() {
        load(modelText(""));
        QTRY_VERIFY(!window_->diagnostics()->canRun()); // f() is nothing yet
        BinomialFunctionsSection* functions = section();
        QVERIFY(functions->isVisible());
        functions->addButton()->click();
        editCell(functions, 0, Column::NameColumn, "f");
        QCOMPARE(model().binomialFunctions[0].name, std::string("f"));
        QVERIFY(ModelLookup::nameTaken(model(), "f"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        QSignalSpy ended(window_->runView(), &RunView::runEnded);
        window_->action("run")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);
        QCOMPARE(window_->runView()->controller().state(), RunController::State::Finished);
        auto* status = window_->runView()->findChild<QLabel*>("runStatus");
        QVERIFY(status);
        QVERIFY2(status->text().startsWith("Finished: 5 ms simulated"), qPrintable(status->text()));
    }

    /// Copying G takes the functions its code may call; a paste into a model
    /// without them adds them, into one that has the name keeps its own.
    void copyAndPasteCarryTheFunctions() {
        const Model source = readModel(modelText(R"([{"name": "f", "n": 7, "p": "0.5"}])"));
        const ModelFragment fragment =
            ModelFragment::of(source, NodeLayout(), {ObjectRef::group("G")});
        QCOMPARE(fragment.model.binomialFunctions.size(), size_t(1));
        const auto copied = ModelFragment::fromJson(fragment.toJson());
        QVERIFY(copied);
        QCOMPARE(copied->model.binomialFunctions.size(), size_t(1));
        QCOMPARE(copied->model.binomialFunctions[0].trials, 7LL);

        Model target;
        NodeLayout layout;
        copied->pasteInto(target, layout, QPointF());
        QCOMPARE(target.binomialFunctions.size(), size_t(1));
        QCOMPARE(target.binomialFunctions[0].name, std::string("f"));
        QCOMPARE(target.binomialFunctions[0].probability, std::string("0.5"));

        Model other = readModel(modelText(R"([{"name": "f", "n": 3, "p": "0.1"}])"));
        copied->pasteInto(other, layout, QPointF());
        QCOMPARE(other.binomialFunctions.size(), size_t(1));
        QCOMPARE(other.binomialFunctions[0].trials, 3LL);
    }
};

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    TestGuiBinomialFunctions test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_binomial_functions.moc"
