"""The reader's widgets, one per module: article list, reader pane, page header, find bar."""
