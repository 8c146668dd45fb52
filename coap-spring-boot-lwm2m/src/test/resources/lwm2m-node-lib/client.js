'use strict';
// An LWM2M 1.0 client on Telefonica's lwm2m-node-lib, driven by Lwm2mNodeLibInteropTests:
//   node client.js <server host> <server port> <endpoint name>
// It holds /3/0 (manufacturer, battery level), registers, prints one line per step on stdout
// ("REGISTERED <location>", "UNREGISTERED", "ERROR <message>") and deregisters when stdin says "unregister"
// (or closes).
var lwm2mClient = require('lwm2m-node-lib').client;
var readline = require('readline');

var host = process.argv[2];
var port = parseInt(process.argv[3], 10);
var endpoint = process.argv[4];

lwm2mClient.init({
    client: {
        lifetime: '85671',
        version: '1.0',
        logLevel: 'FATAL',
        ipProtocol: 'udp4',
        port: 0,
        observe: { period: 3000 }
    }
});

function fail(error) {
    console.log('ERROR ' + (error && error.message ? error.message : JSON.stringify(error)));
    process.exit(1);
}

lwm2mClient.registry.create('/3/0', function (error) {
    if (error) { return fail(error); }
    lwm2mClient.registry.setResource('/3/0', 0, 'node-vendor', function (error) {
        if (error) { return fail(error); }
        lwm2mClient.registry.setResource('/3/0', 9, '87', function (error) {
            if (error) { return fail(error); }
            lwm2mClient.register(host, port, null, endpoint, function (error, deviceInfo) {
                if (error) { return fail(error); }
                console.log('REGISTERED ' + deviceInfo.location);
                var done = false;
                function unregister() {
                    if (done) { return; }
                    done = true;
                    lwm2mClient.unregister(deviceInfo, function (error) {
                        if (error) { return fail(error); }
                        console.log('UNREGISTERED');
                        process.exit(0);
                    });
                }
                var input = readline.createInterface({ input: process.stdin });
                input.on('line', function (line) {
                    if (line.trim() === 'unregister') { unregister(); }
                });
                input.on('close', unregister);
            });
        });
    });
});
