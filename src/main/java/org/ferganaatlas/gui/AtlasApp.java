package org.ferganaatlas.gui;

import com.gluonhq.maps.MapView;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Entry point of the atlas window. */
public final class AtlasApp extends Application {
    @Override
    public void start(Stage stage) {
        MapView map = new MapView();
        map.setZoom(7);
        map.setCenter(40.6, 71.5);
        stage.setTitle("Fergana Border Atlas");
        stage.setScene(new Scene(map, 1280, 800));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
