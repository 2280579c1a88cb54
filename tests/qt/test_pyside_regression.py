"""PySide6 6.12.0 on Python 3.11 aborts ("none_dealloc") after ~5,000 calls of Qt methods
returning nothing. pyproject pins <6.12 there; this keeps the pin honest."""

from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem


def test_fifty_thousand_void_calls_do_not_abort(qapp):
    scene = QGraphicsScene()
    item = QGraphicsRectItem(0, 0, 10, 10)
    label = QGraphicsSimpleTextItem("Иванов")
    scene.addItem(item)
    scene.addItem(label)
    for i in range(50_000):
        item.setPos(i % 500, i % 300)
        if i % 10 == 0:
            label.setText(str(i))
    assert item.pos().x() == 49_999 % 500 and label.text() == "49990"
