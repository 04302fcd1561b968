#pragma once

#include <QWidget>
#include <vector>

class QLabel;
class QLineEdit;
class QTableWidget;
class QToolButton;

namespace spikestudio {

/// The numbers of an array value (Brian2's `G.v = array([...])*mV`) as a
/// one-column table with its unit. A column copied from a spreadsheet pastes
/// in from the current row on (Ctrl+V or Paste), growing the array as needed;
/// a paste with a bad cell is refused whole, with a message naming its row and
/// column. Copy (Ctrl+C) puts the whole column on the clipboard. The editor
/// changes nothing itself: it reports the new numbers or unit, and whoever
/// shows it stores them (as an undo step) and shows them again.
class ArrayValuesEditor : public QWidget {
    Q_OBJECT

public:
    explicit ArrayValuesEditor(QWidget* parent = nullptr);

    void showValues(const QString& caption, const std::vector<double>& values, const QString& unit);
    const std::vector<double>& values() const { return values_; }

    /// Pastes `text` as a spreadsheet column at the current row.
    void pasteText(const QString& text);
    /// The column as a spreadsheet reads it.
    QString copyText() const;
    QString problemText() const;

    QTableWidget* table() const { return table_; }
    QLineEdit* unitEdit() const { return unit_; }

signals:
    void valuesEdited(const std::vector<double>& values);
    void unitEdited(const QString& unit);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void commitCell(int row, const QString& text);
    void showProblem(const QString& message);
    void fitHeight();

    QLabel* caption_;
    QLineEdit* unit_;
    QTableWidget* table_;
    QLabel* problem_;
    std::vector<double> values_;
    bool refreshing_ = false;
};

} // namespace spikestudio
