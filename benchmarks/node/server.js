// node-coap reference server of the CoAP Spring Boot benchmarks, started and stopped (by PID) by the harness.
// Usage: node server.js <port>. Binds 127.0.0.1 only. GET /hello answers 2.05 "hello" (text/plain).
'use strict'
const coap = require('coap')

const port = parseInt(process.argv[2], 10)
const server = coap.createServer()

server.on('request', (req, res) => {
  if (req.method === 'GET' && req.url === '/hello') {
    res.setOption('Content-Format', 'text/plain')
    res.end('hello')
    return
  }
  res.code = '4.04'
  res.end()
})

server.listen(port, '127.0.0.1', () => {
  console.log(`READY node-coap on port ${port}`)
})

process.on('SIGTERM', () => server.close(() => process.exit(0)))
