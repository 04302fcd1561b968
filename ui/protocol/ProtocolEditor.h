#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace spikestudio {

class ModelDiagnostics;
class ModelDocument;
class ProtocolChangesTable;
class ProtocolSegmentsTable;

/// The protocol of the model being edited, in the Run dock: its segments
/// (Brian2's successive `run()` calls) and, for the selected one, the values
/// set before it. "Convert to protocol" turns a plain duration into one
/// segment; removing the last-but-one segment turns the protocol back. Every
/// edit is an undo step of the document; the checker's messages mark the
/// cells they are about, and the rest show under the tables.
class ProtocolEditor : public QWidget {
    Q_OBJECT

public:
    ProtocolEditor(ModelDocument* document, ModelDiagnostics* diagnostics,
                   QWidget* parent = nullptr);

    ProtocolSegmentsTable* segments() const { return segments_; }
    ProtocolChangesTable* changes() const { return changes_; }
    QPushButton* convertButton() const { return convert_; }
    QString summaryText() const;
    /// The checker's protocol problems that no cell shows.
    QString problemText() const;

private:
    void refresh();
    void applyDiagnostics();
    void convert();
    void showSegment(int index);

    ModelDocument* document_;
    ModelDiagnostics* diagnostics_;
    QLabel* summary_;
    QPushButton* convert_;
    ProtocolSegmentsTable* segments_;
    ProtocolChangesTable* changes_;
    QLabel* problem_;
};

} // namespace spikestudio
