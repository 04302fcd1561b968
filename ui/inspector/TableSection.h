#pragma once

#include "diagnostics/Diagnostic.h"
#include "document/ObjectRef.h"
#include "inspector/InspectorSection.h"
#include "model/Model.h"

#include <QStringList>
#include <functional>
#include <optional>

class QHBoxLayout;
class QLabel;
class QTableWidget;
class QToolButton;

namespace spikestudio {

class ModelDocument;

/// A foldable table of the inspector for one list of the model (initial
/// values, constants, monitors, TimedArrays, PoissonInputs): one row per
/// entry, cells edited in place, + and − below. Each cell edit, addition and
/// removal is one undo step. A problem the checker finds in an entry marks its
/// cell and is written under the table, like the problems of other fields; a
/// cell whose text cannot even be stored (a bad number) is marked the same way
/// and the model keeps its value.
class TableSection : public InspectorSection {
    Q_OBJECT

public:
    TableSection(ModelDocument* document, const QString& title, const QStringList& headers,
                 QWidget* parent = nullptr);

    /// Shows the entries of `object` when this section is about such objects.
    void showObject(const ObjectRef& object) override;
    void refresh() override;
    /// Marks the cell of every problem in this table (the first listed first).
    void applyProblems(const QList<Diagnostic>& problems) override;
    /// Whether `problem` is in a cell of this table as it shows now.
    bool shows(const Diagnostic& problem) const override;

    QTableWidget* table() const { return table_; }
    QToolButton* addButton() const { return addButton_; }
    QToolButton* removeButton() const { return removeButton_; }
    QString problemText() const;
    /// A new title; the number of rows follows it as before.
    void setHeading(const QString& title);

protected:
    struct Cell {
        int row = 0;
        int column = 0;
    };

    virtual bool appliesTo(const ObjectRef& object) const = 0;
    virtual QList<QStringList> rows() const = 0;
    virtual bool isEditable(int row, int column) const;
    /// A column of check boxes: its cells show "true" or "false" as a check
    /// box, and a click commits "true" or "false".
    virtual bool isCheckColumn(int column) const;
    virtual void commitCell(int row, int column, const QString& text) = 0;
    virtual void removeRow(int row) = 0;
    /// The cell `problem` is about, when it concerns an entry shown here.
    virtual std::optional<Cell> problemCell(const Diagnostic& problem) const = 0;

    ModelDocument* document() const { return document_; }
    const ObjectRef& object() const { return object_; }
    const spikestudio::Model& model() const;
    void pushEdit(const QString& text, const std::function<void(spikestudio::Model&)>& edit);
    void showLocalProblem(int row, int column, const QString& message);
    /// Another button beside + and −.
    QToolButton* addToolButton(const QString& text, const QString& tip);
    /// A button on a row of its own under the others (a narrow panel keeps
    /// every button in sight).
    QToolButton* addSecondRowButton(const QString& text, const QString& tip);

private:
    void setCellText(int row, int column, const QString& text);
    void markCell(int row, int column, const QString& message);
    void clearProblem();
    void fitHeight();
    void updateTitle();

    ModelDocument* document_;
    ObjectRef object_;
    QString title_;
    QTableWidget* table_;
    QToolButton* addButton_;
    QToolButton* removeButton_;
    QHBoxLayout* buttons_;
    QHBoxLayout* secondRow_ = nullptr;
    QLabel* problem_;
    bool refreshing_ = false;
};

} // namespace spikestudio
