#pragma once

#include <QWidget>

class QLabel;

namespace spikestudio {

class CodeEdit;

/// One text field of the inspector: a CodeEdit and, under it, the message of a
/// problem the checker found in this field. Emits `edited` for user typing
/// only, never for text set by the program.
class FieldEditor : public QWidget {
    Q_OBJECT

public:
    FieldEditor(QString field, int visibleLines, const QString& placeholder,
                QWidget* parent = nullptr);

    const QString& field() const { return field_; }
    CodeEdit* editor() const { return editor_; }
    QString text() const;
    void setText(const QString& text);

    void showProblem(const QString& message, int line, int column);
    void clearProblem();
    QString problemText() const;

signals:
    void edited(const QString& field, const QString& text);

private:
    QString field_;
    CodeEdit* editor_;
    QLabel* message_;
    bool settingText_ = false;
};

} // namespace spikestudio
