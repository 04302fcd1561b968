#pragma once

// Editing a table cell as a user does, for the desktop tests: select the
// cell, open its line editor, type, press Return.

#include "inspector/TableSection.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QTableWidget>
#include <QtTest>

/// Types `text` into cell (row, column) of `widget`, replacing what it held
/// (an empty text clears it), and presses Return. Fails the test when the
/// cell is missing, not editable or opens no line editor.
inline void editCell(QTableWidget* widget, int row, int column, const QString& text) {
    QTableWidgetItem* item = widget->item(row, column);
    QVERIFY(item);
    QVERIFY(item->flags() & Qt::ItemIsEditable);
    widget->setCurrentItem(item);
    widget->editItem(item);
    auto* editor = qobject_cast<QLineEdit*>(widget->indexWidget(widget->currentIndex()));
    QVERIFY(editor);
    editor->selectAll();
    if (text.isEmpty())
        QTest::keyClick(editor, Qt::Key_Delete);
    else
        QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits the editor's text queued
}

inline void editCell(spikestudio::TableSection* section, int row, int column, const QString& text) {
    editCell(section->table(), row, column, text);
}
