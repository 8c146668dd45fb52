'use strict'

// Plugtest client on node-coap, driven by the interoperability suite.
//
// Reads one JSON command per line on standard input and answers each with one JSON line on standard output:
// what node-coap shows of the response (code, options, payload), or "unsupported" when node-coap's API cannot
// express the request. "start" begins a new client (a new Agent, with its own socket, message IDs and tokens),
// so that one process serves every test case.

const readline = require('readline')
const coap = require('coap')

// node-coap reads ETags as UTF-8 text by default; ETags are opaque, so they are read as hex here
coap.registerOption('ETag', (value) => Buffer.from(value, 'hex'), (buffer) => buffer.toString('hex'))

let agent = null
const observations = new Map()

function uint (value) {
  const bytes = []
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) {
    bytes.unshift(rest % 256)
  }
  return Buffer.from(bytes)
}

function sizeExponent (size) {
  return Math.log2(size) - 4
}

function describe (response) {
  const values = (name) => (response.options || []).filter((option) => option.name === name)
    .map((option) => Buffer.isBuffer(option.value) ? option.value.toString() : String(option.value))
  const packet = response._packet
  return {
    code: response.code,
    type: packet.reset ? 'RST' : packet.ack ? 'ACK' : packet.confirmable ? 'CON' : 'NON',
    token: packet.token.toString('hex'),
    contentFormat: response.headers['Content-Format'] !== undefined ? response.headers['Content-Format'] : null,
    payloadHex: (response.payload || Buffer.alloc(0)).toString('hex'),
    etag: response.headers.ETag !== undefined ? response.headers.ETag : null,
    locationPath: values('Location-Path'),
    locationQuery: values('Location-Query'),
    observe: response.headers.Observe !== undefined ? response.headers.Observe : null,
    maxAge: response.headers['Max-Age'] !== undefined ? response.headers['Max-Age'] : null
  }
}

function request (command, observe) {
  if (command.token !== undefined && command.token !== null) {
    throw new Unsupported("node-coap's Agent gives every request a token of its own (an empty one is replaced)")
  }
  const uri = new URL(command.uri)
  const req = agent.request({
    hostname: uri.hostname.replace(/^\[|\]$/g, ''),
    port: Number(uri.port),
    pathname: decodeURIComponent(uri.pathname),
    query: uri.search.length > 1 ? decodeURIComponent(uri.search.substring(1)) : '',
    method: command.method,
    confirmable: !command.nonConfirmable,
    observe
  })
  if (command.accept !== undefined && command.accept !== null) {
    req.setOption('Accept', uint(command.accept))
  }
  if (command.contentFormat !== undefined && command.contentFormat !== null) {
    req.setOption('Content-Format', uint(command.contentFormat))
  }
  if (command.etags) {
    req.setOption('ETag', command.etags.map((etag) => Buffer.from(etag, 'hex')))
  }
  if (command.ifMatch) {
    req.setOption('If-Match', command.ifMatch.map((etag) => Buffer.from(etag, 'hex')))
  }
  if (command.ifNoneMatch) {
    req.setOption('If-None-Match', Buffer.alloc(0))
  }
  if (command.block2Size) {
    req.setOption('Block2', Buffer.of(sizeExponent(command.block2Size)))
  }
  if (command.block1Size) {
    req.setOption('Block1', Buffer.of(sizeExponent(command.block1Size)))
  }
  return req
}

class Unsupported extends Error {}

function send (command, observe) {
  return new Promise((resolve, reject) => {
    const req = request(command, observe)
    const timer = setTimeout(() => reject(new Error('no response within ' + (command.timeout || 20) + ' s')),
      (command.timeout || 20) * 1000)
    req.on('response', (response) => {
      clearTimeout(timer)
      resolve(response)
    })
    req.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    req.end(Buffer.from(command.payloadHex || '', 'hex'))
  })
}

function nextNotification (observation, timeoutSeconds) {
  if (observation.queue.length > 0) {
    return Promise.resolve(observation.queue.shift())
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      observation.waiting = null
      resolve({ timeout: true })
    }, timeoutSeconds * 1000)
    observation.waiting = (item) => {
      clearTimeout(timer)
      observation.waiting = null
      resolve(item)
    }
  })
}

function deliver (observation, item) {
  if (observation.waiting) {
    observation.waiting(item)
  } else {
    observation.queue.push(item)
  }
}

async function handle (command) {
  switch (command.op) {
    case 'request':
      return describe(await send(command, undefined))
    case 'observe': {
      const stream = await send(command, true)
      const first = describe(stream)
      const observation = { stream, queue: [], waiting: null }
      // each 'data' event is a notification; the stream has the options of the latest one
      let initial = true
      stream.on('data', () => {
        if (initial) {
          initial = false
          return
        }
        deliver(observation, describe(stream))
      })
      stream.on('end', () => deliver(observation, { ended: 'the observation ended' }))
      observations.set(command.id, observation)
      return first
    }
    case 'next':
      return nextNotification(observations.get(command.id), command.timeout || 10)
    case 'cancel': {
      // close() forgets the token. (close(true) would deregister with a GET with Observe 1, but when the
      // observation is the Agent's last request, the Agent closes its socket before it sends that GET.)
      const observation = observations.get(command.id)
      observations.delete(command.id)
      observation.stream.close()
      return { cancelled: true }
    }
    case 'forget': {
      // a reboot: the Agent goes away with its observation, and a new Agent on the same port answers the next
      // notification, whose token it does not know, with RST
      const observation = observations.get(command.id)
      observations.delete(command.id)
      const port = observation.stream.outSocket.port
      const previous = agent
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 2000)
        previous.once('close', () => {
          clearTimeout(timer)
          resolve()
        })
        // closing the stream of the Agent's last request closes the Agent's socket
        observation.stream.close()
      })
      agent = new coap.Agent({ type: 'udp4', port })
      return { rebooted: true, port }
    }
    case 'ping':
      return { unsupported: 'node-coap has no API to send a CoAP ping (an empty CON message)' }
    default:
      return { error: 'unknown operation ' + command.op }
  }
}

function start () {
  for (const observation of observations.values()) {
    observation.stream.close()
  }
  observations.clear()
  if (agent !== null) {
    // an Agent closes its socket by itself once it has no request left; close() only hurries it
    agent.close()
  }
  agent = new coap.Agent({ type: 'udp4' })
  return { started: true }
}

const lines = readline.createInterface({ input: process.stdin })
const pending = []
let busy = false
let closed = false

async function drain () {
  if (busy) {
    return
  }
  busy = true
  while (pending.length > 0) {
    const command = JSON.parse(pending.shift())
    if (command.op === 'quit') {
      process.exit(0)
    }
    let result
    try {
      result = command.op === 'start' ? start() : await handle(command)
    } catch (error) {
      result = error instanceof Unsupported ? { unsupported: error.message } : { error: String(error) }
    }
    process.stdout.write(JSON.stringify(result) + '\n')
  }
  busy = false
  if (closed) {
    process.exit(0)
  }
}

lines.on('line', (line) => {
  if (line.trim().length > 0) {
    pending.push(line)
    drain()
  }
})
lines.on('close', () => {
  closed = true
  if (!busy) {
    process.exit(0)
  }
})
process.stdout.write(JSON.stringify({ ready: true, version: require('coap/package.json').version }) + '\n')
