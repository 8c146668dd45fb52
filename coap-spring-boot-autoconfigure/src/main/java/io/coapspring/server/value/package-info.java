/**
 * Value resources added and removed while the server runs, in the model of the Pycom CoAP module: a path that
 * holds a value which GET returns, PUT replaces and application code reads and updates, each change notified to
 * observers, on top of functional routes.
 */
@NullMarked
package io.coapspring.server.value;

import org.jspecify.annotations.NullMarked;
